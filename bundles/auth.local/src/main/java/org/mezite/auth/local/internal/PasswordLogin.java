package org.mezite.auth.local.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

import org.mezite.api.audit.AuditDetails;
import org.mezite.api.auth.AuthenticatedUser;
import org.mezite.api.auth.LocalAuthenticator;
import org.mezite.api.auth.LoginFailure;
import org.mezite.api.auth.LoginResult;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.User;
import org.mezite.api.store.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login check of local users: lock, password, TOTP code, in that order, each failure with its own answer except
 * that an unknown user and a wrong password get the same one, after the same work (a bcrypt check against a dummy
 * hash, and a failed-login count that finds no row). Five failures in a row lock the account for 30 minutes; once the
 * lock has run out the count starts over.
 */
final class PasswordLogin {

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(30);

    static final String BAD_CREDENTIALS_MESSAGE = "wrong user name or password";
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(PasswordLogin.class);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TotpSecretCipher cipher;
    private final AuthAudit audit;
    private final Clock clock;

    PasswordLogin(UserRepository users, PasswordHasher hasher, TotpSecretCipher cipher, AuthAudit audit,
            Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    LoginResult login(String typedName, char[] password, String code, String clientAddr) {
        Instant now = clock.instant();
        String username = typedName == null ? "" : typedName.strip();
        byte[] typed = PasswordPolicy.forCheck(password);
        try {
            Optional<User> found = Usernames.acceptable(username) ? users.findByUsername(username) : Optional.empty();
            if (found.isEmpty()) {
                return unknownUser(username, typed, clientAddr);
            }
            return check(found.get(), typed, code, clientAddr, now);
        } finally {
            if (typed != null) {
                Arrays.fill(typed, (byte) 0);
            }
        }
    }

    private LoginResult unknownUser(String username, byte[] typed, String clientAddr) {
        hasher.checkDummy(typed);
        if (Usernames.acceptable(username)) {
            try {
                users.recordLoginFailure(username); // finds no row, like a wrong password's count finds one
            } catch (NotFoundException expected) {
                // the user does not exist: that is the point
            }
        }
        audit.attempt(AuthAudit.LOGIN, username, clientAddr, "unknown_user", null);
        return new LoginResult.Failure(LoginFailure.BAD_CREDENTIALS, BAD_CREDENTIALS_MESSAGE);
    }

    private LoginResult check(User user, byte[] typed, String code, String clientAddr, Instant now) {
        String username = user.username();
        if (user.lockedAt(now)) {
            audit.attempt(AuthAudit.LOGIN, username, clientAddr, "locked", null);
            return locked(user.lockedUntil());
        }
        boolean failuresToClear = user.failedLogins() > 0;
        if (user.lockedUntil() != null) {
            users.clearLoginFailures(username); // the lock has run out: a fresh set of attempts
            failuresToClear = false;
        }
        if (user.passwordHash() == null || user.totpSecret() == null) {
            audit.attempt(AuthAudit.LOGIN, username, clientAddr, "no_password", null);
            return new LoginResult.Failure(LoginFailure.NO_PASSWORD, "no password set yet: finish signing up with"
                    + " your invite (msh signup), or ask an administrator for a new one");
        }
        boolean passwordMatches;
        byte[] secret;
        try {
            if (typed == null) {
                hasher.checkDummy(null); // too long to be anyone's password; still take the time of a check
                passwordMatches = false;
            } else {
                passwordMatches = hasher.matches(user.passwordHash(), typed);
            }
            if (!passwordMatches) {
                return failed(user, "wrong_password", LoginFailure.BAD_CREDENTIALS, BAD_CREDENTIALS_MESSAGE,
                        clientAddr, now);
            }
            secret = cipher.decrypt(user.totpSecret(), user.id());
        } catch (IllegalStateException | TotpSecretCipher.UnreadableSecretException e) {
            return serverError(user, e, clientAddr);
        }
        OptionalLong step = Totp.matchingStep(secret, code, now);
        Arrays.fill(secret, (byte) 0);
        if (step.isEmpty()) {
            return failed(user, "wrong_code", LoginFailure.WRONG_CODE, "wrong authenticator code: type the code"
                    + " your authenticator shows now (if it keeps failing, check the device's clock)", clientAddr, now);
        }
        if (!users.claimTotpStep(username, step.getAsLong())) {
            return failed(user, "reused_code", LoginFailure.REUSED_CODE, "this authenticator code has been used"
                    + " already: wait for the next one (codes change every 30 seconds)", clientAddr, now);
        }
        if (failuresToClear) {
            users.clearLoginFailures(username);
        }
        if (hasher.outdated(user.passwordHash())) {
            users.setPasswordHash(username, hasher.hash(typed)); // the configured cost went up since it was set
        }
        audit.attempt(AuthAudit.LOGIN, username, clientAddr, null, null);
        return new LoginResult.Success(new AuthenticatedUser(username, user.roles(), user.traits(),
                LocalAuthenticator.METHOD));
    }

    private LoginResult failed(User user, String error, LoginFailure reason, String message, String clientAddr,
            Instant now) {
        int failures = users.recordLoginFailure(user.username());
        AuditDetails details = new AuditDetails();
        if (failures >= MAX_FAILED_LOGINS) {
            Instant until = now.plus(LOCK_DURATION);
            users.lockUntil(user.username(), until);
            details.put("locked_until", until.toString());
            LOG.warn("user {} locked until {} after {} failed logins", AuditDetails.quote(user.username()), until,
                    failures);
        }
        audit.attempt(AuthAudit.LOGIN, user.username(), clientAddr, error, details);
        return new LoginResult.Failure(reason, message);
    }

    private LoginResult serverError(User user, RuntimeException e, String clientAddr) {
        LOG.error("user {} cannot log in: {}. If totp.key changed, restore it; otherwise reset the user"
                + " (mezite:user-reset {})", AuditDetails.quote(user.username()), describe(e), user.username());
        audit.attempt(AuthAudit.LOGIN, user.username(), clientAddr, "server_error", null);
        return new LoginResult.Failure(LoginFailure.SERVER_ERROR, "login failed because of a problem on the server;"
                + " an administrator can find the cause in the hub's log");
    }

    private static String describe(RuntimeException e) {
        return e instanceof TotpSecretCipher.UnreadableSecretException
                ? "the stored TOTP secret cannot be decrypted (" + e.getMessage() + ")" : e.getMessage();
    }

    /** {@code account locked until 14:05 UTC after 5 failed logins}, rounded up to the minute. */
    static LoginResult locked(Instant until) {
        Instant shown = until.truncatedTo(ChronoUnit.MINUTES).equals(until) ? until
                : until.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        return new LoginResult.Failure(LoginFailure.LOCKED, "account locked until " + HOUR_MINUTE.format(shown)
                + " UTC after " + MAX_FAILED_LOGINS + " failed logins");
    }
}
