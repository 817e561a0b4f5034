package org.mezite.auth.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mezite.api.auth.AuthenticatedUser;
import org.mezite.api.auth.LoginFailure;
import org.mezite.api.auth.LoginResult;
import org.mezite.api.store.NewAuditEvent;

class PasswordLoginTest {

    private static final String PASSWORD = "correct horse battery";

    private final LocalUsersFixture f = new LocalUsersFixture();

    private static LoginResult.Failure failure(LoginResult result) {
        assertThat(result).isInstanceOf(LoginResult.Failure.class);
        return (LoginResult.Failure) result;
    }

    @Test
    void passwordAndCurrentCodeLogInWithRolesAndTraits() {
        byte[] secret = f.enrolled("alice", PASSWORD);

        LoginResult result = f.login("alice", PASSWORD, f.code(secret));

        assertThat(result).isEqualTo(new LoginResult.Success(new AuthenticatedUser("alice", List.of("access"),
                Map.of("logins", List.of("root", "alice")), "local")));
        NewAuditEvent event = f.audit.last();
        assertThat(event.type()).isEqualTo("user.login");
        assertThat(event.result()).isEqualTo("success");
        assertThat(event.username()).isEqualTo("alice");
        assertThat(event.clientAddr()).isEqualTo("192.0.2.7");
        assertThat(event.metadata()).isEqualTo("{\"method\":\"local\",\"success\":true}");
    }

    @Test
    void aWrongPasswordIsRefusedAndCounted() {
        byte[] secret = f.enrolled("alice", PASSWORD);

        LoginResult.Failure result = failure(f.login("alice", "correct horse batterY", f.code(secret)));

        assertThat(result.reason()).isEqualTo(LoginFailure.BAD_CREDENTIALS);
        assertThat(result.message()).isEqualTo("wrong user name or password");
        assertThat(f.users.get("alice").failedLogins()).isEqualTo(1);
        assertThat(f.audit.last().result()).isEqualTo("failure");
        assertThat(f.audit.last().metadata())
                .isEqualTo("{\"method\":\"local\",\"success\":false,\"error\":\"wrong_password\"}");
    }

    @Test
    void anUnknownUserGetsTheAnswerOfAWrongPasswordAfterTheSameWork() {
        byte[] secret = f.enrolled("alice", PASSWORD);
        f.hasher.checkCosts.clear();

        LoginResult wrongPassword = f.login("alice", "not the password", f.code(secret));
        List<Integer> wrongPasswordChecks = List.copyOf(f.hasher.checkCosts);
        f.hasher.checkCosts.clear();
        LoginResult unknownUser = f.login("mallory", "not the password", f.code(secret));

        assertThat(unknownUser).isEqualTo(wrongPassword);
        // one bcrypt check of the same cost on both paths, and both count a failed login in the store
        assertThat(f.hasher.checkCosts).isEqualTo(wrongPasswordChecks).containsExactly(LocalUsersFixture.TEST_COST);
        assertThat(f.users.failuresOfUnknownNames).isEqualTo(1);
        assertThat(f.audit.last().username()).isEqualTo("mallory");
        assertThat(f.audit.last().metadata()).contains("\"error\":\"unknown_user\"");
    }

    @Test
    void aWrongCodeIsRefusedAndCounted() {
        byte[] secret = f.enrolled("alice", PASSWORD);
        String wrong = f.code(secret).equals("000000") ? "000001" : "000000";

        LoginResult.Failure result = failure(f.login("alice", PASSWORD, wrong));

        assertThat(result.reason()).isEqualTo(LoginFailure.WRONG_CODE);
        assertThat(result.message()).startsWith("wrong authenticator code");
        assertThat(f.users.get("alice").failedLogins()).isEqualTo(1);
        assertThat(f.audit.last().metadata()).contains("\"error\":\"wrong_code\"");
    }

    @Test
    void codesOfTheNeighbouringStepsWork() {
        byte[] secret = f.enrolled("alice", PASSWORD);
        f.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS)); // past the step the signup used
        long now = Totp.step(f.clock.instant());

        assertThat(f.login("alice", PASSWORD, Totp.code(secret, now - 1, 6))).isInstanceOf(LoginResult.Success.class);
        assertThat(f.login("alice", PASSWORD, Totp.code(secret, now + 1, 6))).isInstanceOf(LoginResult.Success.class);
        assertThat(failure(f.login("alice", PASSWORD, Totp.code(secret, now + 2, 6))).reason())
                .isEqualTo(LoginFailure.WRONG_CODE);
    }

    @Test
    void aCodeWorksOnceAndNoEarlierCodeAfterIt() {
        byte[] secret = f.enrolled("alice", PASSWORD);
        f.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS)); // past the step the signup used
        long now = Totp.step(f.clock.instant());
        String code = f.code(secret);
        assertThat(f.login("alice", PASSWORD, code)).isInstanceOf(LoginResult.Success.class);

        f.clock.advance(Duration.ofSeconds(10));
        LoginResult.Failure again = failure(f.login("alice", PASSWORD, code));
        LoginResult.Failure earlier = failure(f.login("alice", PASSWORD, Totp.code(secret, now - 1, 6)));

        assertThat(again.reason()).isEqualTo(LoginFailure.REUSED_CODE);
        assertThat(again.message()).isEqualTo("this authenticator code has been used already: wait for the next one"
                + " (codes change every 30 seconds)");
        assertThat(earlier.reason()).isEqualTo(LoginFailure.REUSED_CODE);
        assertThat(f.users.get("alice").failedLogins()).isEqualTo(2);
        assertThat(f.audit.last().metadata()).contains("\"error\":\"reused_code\"");

        f.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertThat(f.login("alice", PASSWORD, f.code(secret))).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void fiveFailuresLockTheAccountForThirtyMinutes() {
        byte[] secret = f.enrolled("alice", PASSWORD);
        Instant fifthFailure = f.clock.instant(); // 12:00:40
        for (int i = 0; i < 5; i++) {
            assertThat(failure(f.login("alice", "wrong password " + i, f.code(secret))).reason())
                    .isEqualTo(LoginFailure.BAD_CREDENTIALS);
        }
        assertThat(f.audit.last().metadata()).contains("\"locked_until\":\"2026-03-02T12:30:40Z\"");
        f.hasher.checkCosts.clear();

        LoginResult.Failure locked = failure(f.login("alice", PASSWORD, f.code(secret)));

        assertThat(locked.reason()).isEqualTo(LoginFailure.LOCKED);
        assertThat(locked.message()).isEqualTo("account locked until 12:31 UTC after 5 failed logins");
        assertThat(f.hasher.checkCosts).as("no password check while locked").isEmpty();
        assertThat(f.audit.last().metadata()).contains("\"error\":\"locked\"");

        f.clock.set(fifthFailure.plus(Duration.ofMinutes(30)).minusSeconds(1));
        assertThat(failure(f.login("alice", PASSWORD, f.code(secret))).reason()).isEqualTo(LoginFailure.LOCKED);

        f.clock.set(fifthFailure.plus(Duration.ofMinutes(30)));
        assertThat(f.login("alice", PASSWORD, f.code(secret))).isInstanceOf(LoginResult.Success.class);
        assertThat(f.users.get("alice").failedLogins()).isZero();
        assertThat(f.users.get("alice").lockedUntil()).isNull();
    }

    @Test
    void wrongCodesCountTowardsTheLockToo() {
        byte[] secret = f.enrolled("alice", PASSWORD);
        for (int i = 0; i < 5; i++) {
            f.login("alice", PASSWORD, "99999" + i);
        }

        assertThat(failure(f.login("alice", PASSWORD, f.code(secret))).reason()).isEqualTo(LoginFailure.LOCKED);
    }

    @Test
    void aSuccessResetsTheCount() {
        byte[] secret = f.enrolled("alice", PASSWORD);
        for (int i = 0; i < 4; i++) {
            f.login("alice", "wrong password", f.code(secret));
        }
        assertThat(f.login("alice", PASSWORD, f.code(secret))).isInstanceOf(LoginResult.Success.class);
        assertThat(f.users.get("alice").failedLogins()).isZero();

        for (int i = 0; i < 4; i++) {
            f.login("alice", "wrong password", f.code(secret));
        }
        f.clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));

        assertThat(f.login("alice", PASSWORD, f.code(secret))).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void afterALockRunsOutThereAreFiveFreshAttempts() {
        byte[] secret = f.enrolled("alice", PASSWORD);
        for (int i = 0; i < 5; i++) {
            f.login("alice", "wrong password", f.code(secret));
        }
        f.clock.advance(Duration.ofMinutes(31));

        assertThat(failure(f.login("alice", "wrong password", f.code(secret))).reason())
                .isEqualTo(LoginFailure.BAD_CREDENTIALS);
        assertThat(f.users.get("alice").failedLogins()).isEqualTo(1);
        assertThat(f.users.get("alice").lockedUntil()).isNull();
        assertThat(f.login("alice", PASSWORD, f.code(secret))).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void anInvitedUserWithoutPasswordIsToldToSignUp() {
        f.invites.createUser("bob", List.of("access"), Map.of(), "admin");

        LoginResult.Failure result = failure(f.login("bob", "anything at all", "123456"));

        assertThat(result.reason()).isEqualTo(LoginFailure.NO_PASSWORD);
        assertThat(result.message()).isEqualTo("no password set yet: finish signing up with your invite (msh signup),"
                + " or ask an administrator for a new one");
        assertThat(f.users.get("bob").failedLogins()).isZero();
    }

    @Test
    void aPasswordLongerThanAnyAcceptedOneIsWrongNotTruncated() {
        String seventyTwo = "p".repeat(72);
        byte[] secret = f.enrolled("alice", seventyTwo);

        LoginResult.Failure result = failure(f.login("alice", seventyTwo + "extra", f.code(secret)));

        assertThat(result.reason()).isEqualTo(LoginFailure.BAD_CREDENTIALS);
        assertThat(f.login("alice", seventyTwo, f.code(secret))).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void aSecretTheKeyCannotReadIsAServerErrorWithoutDetails() {
        byte[] secret = f.enrolled("alice", PASSWORD);
        f.users.setTotpSecret("alice", new TotpKeys(LocalUsersFixture.masterKey(9)).cipher(new SecureRandom())
                .encrypt(secret, f.users.get("alice").id()));

        LoginResult.Failure result = failure(f.login("alice", PASSWORD, f.code(secret)));

        assertThat(result.reason()).isEqualTo(LoginFailure.SERVER_ERROR);
        assertThat(result.message()).doesNotContain("key").contains("hub's log");
        assertThat(f.users.get("alice").failedLogins()).isZero();
    }

    @Test
    void aHashOfALowerCostIsRedoneAtLogin() {
        byte[] secret = f.enrolled("alice", PASSWORD);
        LocalUsersFixture stronger = new LocalUsersFixture(LocalUsersFixture.TEST_COST + 1);
        PasswordLogin login = new PasswordLogin(f.users, stronger.hasher, f.cipher, new AuthAudit(f.audit, f.clock),
                f.clock);

        assertThat(login.login("alice", PASSWORD.toCharArray(), f.code(secret), null))
                .isInstanceOf(LoginResult.Success.class);

        assertThat(f.users.get("alice").passwordHash()).startsWith("$2b$05$");
    }

    @Test
    void theLockTimeIsRoundedUpToTheMinute() {
        assertThat(((LoginResult.Failure) PasswordLogin.locked(Instant.parse("2026-03-02T23:59:01Z"))).message())
                .isEqualTo("account locked until 00:00 UTC after 5 failed logins");
        assertThat(((LoginResult.Failure) PasswordLogin.locked(Instant.parse("2026-03-02T14:05:00Z"))).message())
                .isEqualTo("account locked until 14:05 UTC after 5 failed logins");
    }

    @Test
    void everyAttemptIsAuditedWithoutPasswordOrCode() {
        byte[] secret = f.enrolled("alice", PASSWORD);
        String code = f.code(secret);
        int before = f.audit.ofType("user.login").size();

        f.login("alice", PASSWORD, code);
        f.login("alice", PASSWORD, code);
        f.login("alice", "hunter2hunter2", code);
        f.login("nobody", "hunter2hunter2", code);

        List<NewAuditEvent> logins = f.audit.ofType("user.login");
        assertThat(logins).hasSize(before + 4);
        assertThat(logins.subList(before, logins.size())).extracting(NewAuditEvent::result)
                .containsExactly("success", "failure", "failure", "failure");
        f.assertAuditHoldsNone(PASSWORD, "hunter2", code);
    }
}
