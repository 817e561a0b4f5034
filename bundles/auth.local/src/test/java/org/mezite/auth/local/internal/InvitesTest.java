package org.mezite.auth.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.mezite.api.auth.Invitation;
import org.mezite.api.auth.LoginFailure;
import org.mezite.api.auth.LoginResult;
import org.mezite.api.auth.SignupChallenge;
import org.mezite.api.auth.SignupException;
import org.mezite.api.auth.SignupException.Reason;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.Invite;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.User;

class InvitesTest {

    private static final String PASSWORD = "correct horse battery";

    private final LocalUsersFixture f = new LocalUsersFixture();

    private Invitation invite(String username) {
        return f.invites.createUser(username, List.of("access"), Map.of("logins", List.of("root")), "admin");
    }

    private byte[] secretOf(Invitation invitation) {
        return Base32.decode(f.invites.signupChallenge(invitation.token()).totpSecret());
    }

    private void signup(Invitation invitation, String password) {
        f.invites.signup(invitation.token(), password.toCharArray(), f.code(secretOf(invitation)), "10.0.0.1");
    }

    private static Reason reasonOf(Runnable signup) {
        try {
            signup.run();
        } catch (SignupException e) {
            return e.reason();
        }
        throw new AssertionError("signup was not refused");
    }

    @Test
    void createsAUserWithoutPasswordAndAnInviteStoredAsAHashForOneHour() {
        Invitation invitation = invite("alice");

        User alice = f.users.get("alice");
        assertThat(alice.passwordHash()).isNull();
        assertThat(alice.totpSecret()).isNull();
        assertThat(alice.roles()).containsExactly("access");
        assertThat(invitation.username()).isEqualTo("alice");
        assertThat(invitation.token()).matches("[0-9a-f]{64}");
        assertThat(invitation.expiresAt()).isEqualTo(LocalUsersFixture.START.plus(Duration.ofHours(1)));
        assertThat(invitation.toString()).doesNotContain(invitation.token());
        Invite stored = f.inviteStore.all().get(0);
        assertThat(stored.tokenHash()).isEqualTo(InviteTokens.hash(invitation.token()))
                .isNotEqualTo(invitation.token());
        assertThat(f.audit.events()).extracting(NewAuditEvent::type).containsExactly("user.create", "user.invite");
        NewAuditEvent create = f.audit.events().get(0);
        assertThat(create.username()).isEqualTo("admin");
        assertThat(create.resource()).isEqualTo("user/alice");
        assertThat(create.metadata())
                .isEqualTo("{\"roles\":[\"access\"],\"logins\":[\"root\"],\"success\":true}");
    }

    @Test
    void anExistingUserOrABadNameIsRefusedAndAudited() {
        invite("alice");

        assertThatThrownBy(() -> invite("alice")).isInstanceOf(ConflictException.class)
                .hasMessage("user \"alice\" already exists");
        assertThat(f.audit.last().metadata()).contains("\"error\":\"exists\"");
        assertThatThrownBy(() -> invite("al ice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user name \"al ice\" is not acceptable: use letters, digits and . _ @ + - and start"
                        + " with a letter, a digit or _");
        assertThat(f.audit.last().metadata()).contains("\"error\":\"invalid_username\"");
    }

    @Test
    void theChallengeGivesA160BitSecretAndAnOtpauthUriThatStayTheSame() {
        Invitation invitation = invite("alice");

        SignupChallenge challenge = f.invites.signupChallenge(invitation.token());

        assertThat(challenge.username()).isEqualTo("alice");
        assertThat(challenge.totpSecret()).matches("[A-Z2-7]{32}");
        assertThat(Base32.decode(challenge.totpSecret())).hasSize(20);
        assertThat(challenge.otpauthUri()).isEqualTo("otpauth://totp/Mezite:alice%40prod?secret="
                + challenge.totpSecret() + "&issuer=Mezite");
        assertThat(challenge.expiresAt()).isEqualTo(invitation.expiresAt());
        assertThat(challenge.toString()).doesNotContain(challenge.totpSecret());
        assertThat(f.invites.signupChallenge(invitation.token())).isEqualTo(challenge);
        assertThat(f.invites.signupChallenge(invite("bob").token()).totpSecret())
                .isNotEqualTo(challenge.totpSecret());
    }

    @Test
    void signupSetsThePasswordAndTheEncryptedSecretAndUsesTheInvite() {
        Invitation invitation = invite("alice");
        byte[] secret = secretOf(invitation);

        signup(invitation, PASSWORD);

        User alice = f.users.get("alice");
        assertThat(f.hasher.matches(alice.passwordHash(), PASSWORD.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(alice.totpSecret()).isNotEqualTo(secret);
        assertThat(f.cipher.decrypt(alice.totpSecret(), alice.id())).isEqualTo(secret);
        assertThat(f.inviteStore.all().get(0).usedAt()).isEqualTo(LocalUsersFixture.START);
        assertThat(f.audit.last().type()).isEqualTo("user.signup");
        assertThat(f.audit.last().username()).isEqualTo("alice");
        assertThat(f.audit.last().result()).isEqualTo("success");
    }

    @Test
    void theConfirmingCodeDoesNotAlsoLogIn() {
        Invitation invitation = invite("alice");
        byte[] secret = secretOf(invitation);
        String code = f.code(secret);
        f.invites.signup(invitation.token(), PASSWORD.toCharArray(), code, null);

        assertThat(((LoginResult.Failure) f.login("alice", PASSWORD, code)).reason())
                .isEqualTo(LoginFailure.REUSED_CODE);
        f.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertThat(f.login("alice", PASSWORD, f.code(secret))).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void anInviteWorksOnce() {
        Invitation invitation = invite("alice");
        byte[] secret = secretOf(invitation);
        signup(invitation, PASSWORD);
        f.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));

        assertThatThrownBy(() -> f.invites.signup(invitation.token(), "another password".toCharArray(),
                f.code(secret), null))
                .isInstanceOf(SignupException.class)
                .hasMessage("this invite has been used already: each invite works once; if it was not you, tell an"
                        + " administrator");
        assertThat(f.audit.last().metadata()).contains("\"error\":\"used_token\"");
        assertThat(reasonOf(() -> f.invites.signupChallenge(invitation.token()))).isEqualTo(Reason.USED_TOKEN);
        assertThat(f.hasher.matches(f.users.get("alice").passwordHash(), PASSWORD.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
    }

    @Test
    void anInviteExpiresAfterOneHour() {
        Invitation invitation = invite("alice");
        byte[] secret = secretOf(invitation);

        f.clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> f.invites.signup(invitation.token(), PASSWORD.toCharArray(), f.code(secret), null))
                .isInstanceOf(SignupException.class)
                .hasMessage("invite expired at 2026-03-02 13:00 UTC: ask an administrator for a new one"
                        + " (mezite:user-reset alice)");
        assertThat(reasonOf(() -> f.invites.signupChallenge(invitation.token()))).isEqualTo(Reason.EXPIRED_TOKEN);
        assertThat(f.users.get("alice").passwordHash()).isNull();
    }

    @Test
    void anInviteStillWorksJustBeforeItExpires() {
        Invitation invitation = invite("alice");
        f.clock.advance(Duration.ofHours(1).minusSeconds(1));

        signup(invitation, PASSWORD);

        assertThat(f.users.get("alice").passwordHash()).isNotNull();
    }

    @Test
    void aWrongCodeOrAWeakPasswordLeavesTheInviteUsable() {
        Invitation invitation = invite("alice");
        String code = f.code(secretOf(invitation));
        String wrong = code.equals("000000") ? "000001" : "000000";

        assertThat(reasonOf(() -> f.invites.signup(invitation.token(), PASSWORD.toCharArray(), wrong, null)))
                .isEqualTo(Reason.WRONG_CODE);
        assertThatThrownBy(() -> f.invites.signup(invitation.token(), "short".toCharArray(), code, null))
                .isInstanceOf(SignupException.class)
                .hasMessage("password is too short: it needs at least 12 characters, this one has 5")
                .extracting(e -> ((SignupException) e).reason()).isEqualTo(Reason.PASSWORD_REJECTED);
        assertThat(f.inviteStore.all().get(0).usedAt()).isNull();

        signup(invitation, PASSWORD);
        assertThat(f.users.get("alice").passwordHash()).isNotNull();
    }

    @Test
    void anUnknownOrMalformedTokenIsRefused() {
        invite("alice");

        assertThatThrownBy(() -> f.invites.signupChallenge("0".repeat(64)))
                .isInstanceOf(SignupException.class)
                .hasMessage("unknown invite token: check that it was copied whole, or ask an administrator for a new"
                        + " invite");
        assertThat(reasonOf(() -> f.invites.signup("not a token", PASSWORD.toCharArray(), "123456", null)))
                .isEqualTo(Reason.UNKNOWN_TOKEN);
        assertThat(f.audit.last().username()).isNull();
        assertThat(f.audit.last().metadata()).contains("\"error\":\"unknown_token\"");
    }

    @Test
    void resetClearsCredentialsAndLockAndReplacesTheInvite() {
        Invitation first = invite("alice");
        signup(first, PASSWORD);
        f.users.recordLoginFailure("alice");
        f.users.lockUntil("alice", f.clock.instant().plus(Duration.ofMinutes(30)));
        Invitation pending = f.invites.resetUser("alice", "admin");

        Invitation second = f.invites.resetUser("alice", "admin");

        User alice = f.users.get("alice");
        assertThat(alice.passwordHash()).isNull();
        assertThat(alice.totpSecret()).isNull();
        assertThat(alice.failedLogins()).isZero();
        assertThat(alice.lockedUntil()).isNull();
        assertThat(reasonOf(() -> f.invites.signupChallenge(pending.token()))).isEqualTo(Reason.UNKNOWN_TOKEN);
        assertThat(((LoginResult.Failure) f.login("alice", PASSWORD, "123456")).reason())
                .isEqualTo(LoginFailure.NO_PASSWORD);
        assertThat(f.audit.ofType("user.reset")).hasSize(2).allSatisfy(e -> {
            assertThat(e.username()).isEqualTo("admin");
            assertThat(e.resource()).isEqualTo("user/alice");
        });

        byte[] secret = secretOf(second);
        f.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        signup(second, "a brand new password");
        f.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertThat(f.login("alice", "a brand new password", f.code(secret)))
                .isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void resettingAnUnknownUserIsRefused() {
        assertThatThrownBy(() -> f.invites.resetUser("nobody", "admin")).isInstanceOf(NotFoundException.class)
                .hasMessage("user \"nobody\" does not exist");
        assertThat(f.audit.last().metadata()).contains("\"error\":\"unknown_user\"");
    }

    @Test
    void noAuditEventHoldsATokenPasswordSecretOrCode() {
        Invitation invitation = invite("alice");
        SignupChallenge challenge = f.invites.signupChallenge(invitation.token());
        String code = f.code(Base32.decode(challenge.totpSecret()));
        reasonOf(() -> f.invites.signup(invitation.token(), "short".toCharArray(), code, null));
        f.invites.signup(invitation.token(), PASSWORD.toCharArray(), code, null);
        reasonOf(() -> f.invites.signup(invitation.token(), PASSWORD.toCharArray(), code, null));
        Invitation reset = f.invites.resetUser("alice", "admin");

        f.assertAuditHoldsNone(invitation.token(), InviteTokens.hash(invitation.token()), reset.token(),
                InviteTokens.hash(reset.token()), challenge.totpSecret(), PASSWORD, "short", code);
    }
}
