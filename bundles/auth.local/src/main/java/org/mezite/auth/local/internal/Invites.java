package org.mezite.auth.local.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.bouncycastle.util.encoders.Base32;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.auth.Invitation;
import org.mezite.api.auth.SignupChallenge;
import org.mezite.api.auth.SignupException;
import org.mezite.api.auth.SignupException.Reason;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.Invite;
import org.mezite.api.store.InviteRepository;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.User;
import org.mezite.api.store.UserRepository;

/**
 * Invites of local users: creating a user without credentials, resetting one back to that state, and the signup that
 * uses an invite once to set the password and enroll TOTP together.
 */
final class Invites {

    static final Duration VALIDITY = Duration.ofHours(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private final UserRepository users;
    private final InviteRepository invites;
    private final InviteTokens tokens;
    private final PasswordHasher hasher;
    private final TotpKeys keys;
    private final TotpSecretCipher cipher;
    private final AuthAudit audit;
    private final String clusterName;
    private final Clock clock;

    Invites(UserRepository users, InviteRepository invites, InviteTokens tokens, PasswordHasher hasher,
            TotpKeys keys, TotpSecretCipher cipher, AuthAudit audit, String clusterName, Clock clock) {
        this.users = users;
        this.invites = invites;
        this.tokens = tokens;
        this.hasher = hasher;
        this.keys = keys;
        this.cipher = cipher;
        this.audit = audit;
        this.clusterName = clusterName;
        this.clock = clock;
    }

    Invitation createUser(String username, List<String> givenRoles, Map<String, List<String>> givenTraits,
            String actor) {
        List<String> roles = givenRoles == null ? List.of() : givenRoles;
        Map<String, List<String>> traits = givenTraits == null ? Map.of() : givenTraits;
        AuditDetails details = new AuditDetails().put("roles", roles)
                .put("logins", traits.getOrDefault(User.LOGINS_TRAIT, List.of()));
        var problem = Usernames.problem(username);
        if (problem.isPresent()) {
            audit.adminAction(AuthAudit.CREATE, actor, String.valueOf(username), "invalid_username", details);
            throw new IllegalArgumentException(problem.get());
        }
        try {
            users.create(username, roles, traits);
        } catch (ConflictException e) {
            audit.adminAction(AuthAudit.CREATE, actor, username, "exists", details);
            throw e;
        }
        audit.adminAction(AuthAudit.CREATE, actor, username, null, details);
        return invite(username, actor);
    }

    Invitation resetUser(String username, String actor) {
        if (users.findByUsername(username).isEmpty()) {
            audit.adminAction(AuthAudit.RESET, actor, username, "unknown_user", null);
            throw new NotFoundException("user " + AuditDetails.quote(username) + " does not exist");
        }
        int cancelled = invites.deleteByUser(username);
        users.setPasswordHash(username, null);
        users.setTotpSecret(username, null);
        users.clearLoginFailures(username);
        audit.adminAction(AuthAudit.RESET, actor, username, null,
                new AuditDetails().put("invites_cancelled", cancelled));
        return invite(username, actor);
    }

    private Invitation invite(String username, String actor) {
        String token = tokens.newToken();
        Instant expiresAt = clock.instant().plus(VALIDITY);
        invites.create(InviteTokens.hash(token), username, expiresAt);
        audit.adminAction(AuthAudit.INVITE, actor, username, null,
                new AuditDetails().put("expires_at", expiresAt.toString()));
        return new Invitation(username, token, expiresAt);
    }

    SignupChallenge signupChallenge(String typedToken) {
        String token = canonical(typedToken);
        Invite invite = usable(token, clock.instant());
        String secret = Base32.toBase32String(keys.enrollmentSecret(token));
        return new SignupChallenge(invite.username(), secret,
                OtpAuthUri.of(invite.username() + "@" + clusterName, secret), invite.expiresAt());
    }

    void signup(String typedToken, char[] password, String code, String clientAddr) {
        Instant now = clock.instant();
        String username = null;
        try {
            String token = canonical(typedToken);
            Invite invite = usable(token, now);
            username = invite.username();
            byte[] bytes = acceptPassword(password);
            byte[] secret = keys.enrollmentSecret(token);
            OptionalLong step = Totp.matchingStep(secret, code, now);
            if (step.isEmpty()) {
                throw new SignupException(Reason.WRONG_CODE, "wrong authenticator code: add the secret to your"
                        + " authenticator app and type the code it shows now (if it keeps failing, check the"
                        + " device's clock)");
            }
            String hash = hasher.hash(bytes);
            Arrays.fill(bytes, (byte) 0);
            User user = users.findByUsername(username).orElseThrow(Invites::unknownToken);
            if (invites.consume(invite.tokenHash(), now).isEmpty()) {
                usable(token, now); // used or expired meanwhile: say which
                throw new SignupException(Reason.USED_TOKEN, usedMessage());
            }
            users.setPasswordHash(username, hash);
            users.setTotpSecret(username, cipher.encrypt(secret, user.id()));
            users.claimTotpStep(username, step.getAsLong()); // the confirming code does not log in a second time
            Arrays.fill(secret, (byte) 0);
        } catch (SignupException e) {
            audit.attempt(AuthAudit.SIGNUP, username, clientAddr, errorCode(e.reason()), null);
            throw e;
        }
        audit.attempt(AuthAudit.SIGNUP, username, clientAddr, null, null);
    }

    private static byte[] acceptPassword(char[] password) {
        try {
            return PasswordPolicy.acceptNew(password);
        } catch (PasswordRejectedException e) {
            throw new SignupException(Reason.PASSWORD_REJECTED, e.getMessage());
        }
    }

    private static String canonical(String typedToken) {
        return InviteTokens.canonical(typedToken).orElseThrow(Invites::unknownToken);
    }

    private Invite usable(String token, Instant now) {
        Invite invite = invites.find(InviteTokens.hash(token)).orElseThrow(Invites::unknownToken);
        if (invite.usedAt() != null) {
            throw new SignupException(Reason.USED_TOKEN, usedMessage());
        }
        if (!invite.usableAt(now)) {
            throw new SignupException(Reason.EXPIRED_TOKEN, "invite expired at " + TIME.format(invite.expiresAt())
                    + " UTC: ask an administrator for a new one (mezite:user-reset " + invite.username() + ")");
        }
        return invite;
    }

    private static SignupException unknownToken() {
        return new SignupException(Reason.UNKNOWN_TOKEN, "unknown invite token: check that it was copied whole, or"
                + " ask an administrator for a new invite");
    }

    private static String usedMessage() {
        return "this invite has been used already: each invite works once; if it was not you, tell an administrator";
    }

    private static String errorCode(Reason reason) {
        return switch (reason) {
            case UNKNOWN_TOKEN -> "unknown_token";
            case EXPIRED_TOKEN -> "expired_token";
            case USED_TOKEN -> "used_token";
            case PASSWORD_REJECTED -> "password_rejected";
            case WRONG_CODE -> "wrong_code";
        };
    }
}
