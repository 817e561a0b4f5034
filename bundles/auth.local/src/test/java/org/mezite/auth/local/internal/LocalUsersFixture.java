package org.mezite.auth.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.bouncycastle.util.encoders.Base32;
import org.mezite.api.auth.Invitation;
import org.mezite.api.auth.LoginResult;
import org.mezite.api.auth.SignupChallenge;
import org.mezite.api.store.NewAuditEvent;

/**
 * Local users over in-memory repositories and a clock moved by hand. bcrypt runs for real, at cost 4 to keep the
 * tests fast.
 */
final class LocalUsersFixture {

    /** 10 seconds into a TOTP step. */
    static final Instant START = Instant.parse("2026-03-02T12:00:10Z");
    static final int TEST_COST = 4;
    static final String CLUSTER = "prod";

    final MutableClock clock = new MutableClock(START);
    final InMemoryUsers users = new InMemoryUsers(clock);
    final InMemoryInvites inviteStore = new InMemoryInvites(users, clock);
    final InMemoryAudit audit = new InMemoryAudit();
    final CountingHasher hasher;
    final TotpKeys keys = new TotpKeys(masterKey(1));
    final TotpSecretCipher cipher = keys.cipher(new SecureRandom());
    final PasswordLogin login;
    final Invites invites;

    LocalUsersFixture() {
        this(TEST_COST);
    }

    LocalUsersFixture(int cost) {
        hasher = new CountingHasher(cost);
        AuthAudit trail = new AuthAudit(audit, clock);
        login = new PasswordLogin(users, hasher, cipher, trail, clock);
        invites = new Invites(users, inviteStore, new InviteTokens(new SecureRandom()), hasher, keys, cipher, trail,
                CLUSTER, clock);
    }

    static byte[] masterKey(int seed) {
        byte[] key = new byte[TotpKeys.KEY_BYTES];
        IntStream.range(0, key.length).forEach(i -> key[i] = (byte) (seed * 31 + i));
        return key;
    }

    /** Creates a user, signs them up with the password and returns their TOTP secret; the clock is a step later. */
    byte[] enrolled(String username, String password) {
        Invitation invitation = invites.createUser(username, List.of("access"),
                Map.of("logins", List.of("root", username)), "admin");
        SignupChallenge challenge = invites.signupChallenge(invitation.token());
        byte[] secret = Base32.decode(challenge.totpSecret());
        invites.signup(invitation.token(), password.toCharArray(), code(secret), "10.0.0.1");
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS)); // the confirming code's step is used up
        return secret;
    }

    /** The code an authenticator shows now. */
    String code(byte[] secret) {
        return Totp.code(secret, Totp.step(clock.instant()), Totp.DIGITS);
    }

    LoginResult login(String username, String password, String code) {
        return login.login(username, password.toCharArray(), code, "192.0.2.7");
    }

    /** Asserts that no audit event contains any of the given secrets, in any field. */
    void assertAuditHoldsNone(String... secrets) {
        assertThat(audit.events()).isNotEmpty();
        for (NewAuditEvent event : audit.events()) {
            for (String secret : secrets) {
                assertThat(event.toString()).as("audit event %s", event.type()).doesNotContainIgnoringCase(secret);
            }
        }
    }
}
