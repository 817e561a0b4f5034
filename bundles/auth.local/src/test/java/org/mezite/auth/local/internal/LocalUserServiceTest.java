package org.mezite.auth.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.auth.Invitation;
import org.mezite.api.auth.LoginResult;
import org.mezite.api.auth.SignupChallenge;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;

class LocalUserServiceTest {

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(LocalUsersFixture.START);
    private final InMemoryUsers users = new InMemoryUsers(clock);
    private final InMemoryInvites invites = new InMemoryInvites(users, clock);
    private final InMemoryAudit audit = new InMemoryAudit();

    private static LocalUserConfig config(int cost, String keyFile) {
        return new LocalUserConfig() {
            @Override
            public int bcrypt_cost() {
                return cost;
            }

            @Override
            public String totp_key_file() {
                return keyFile;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return LocalUserConfig.class;
            }
        };
    }

    private HubSettings settings() {
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        return new HubSettings("prod", Set.of(HubRole.AUTH), any, any, any, any, data,
                new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite::memory:", "", "", 1));
    }

    private LocalUserService service(LocalUserConfig config) {
        return new LocalUserService(config, users, invites, audit, settings(), clock, new SecureRandom());
    }

    @Test
    void aBcryptCostOutsideTheSensibleRangeStopsActivation() {
        assertThatThrownBy(() -> service(config(9, ""))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("etc/org.mezite.auth.local.cfg: bcrypt.cost: must be between 10 and 16, not 9");
        assertThatThrownBy(() -> service(config(17, ""))).hasMessageContaining("not 17");
    }

    @Test
    void withoutAKeyFileItMakesOneOnlyTheOwnerCanReadAndKeepsIt() throws Exception {
        LocalUserService first = service(config(10, ""));
        Path key = data.resolve("totp.key");

        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(key).strip()).hasSize(44);
        String content = Files.readString(key);

        // a user enrolled before a restart still logs in after it
        Invitation invitation = first.createUser("alice", List.of("access"), Map.of(), "admin");
        SignupChallenge challenge = first.signupChallenge(invitation.token());
        byte[] secret = Base32.decode(challenge.totpSecret());
        first.signup(invitation.token(), "correct horse battery".toCharArray(),
                Totp.code(secret, Totp.step(clock.instant()), 6), null);
        clock.advance(java.time.Duration.ofSeconds(30));

        LocalUserService restarted = service(config(10, ""));

        assertThat(Files.readString(key)).isEqualTo(content);
        assertThat(restarted.login("alice", "correct horse battery".toCharArray(),
                Totp.code(secret, Totp.step(clock.instant()), 6), null)).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void aConfiguredKeyFileMustExistAndHoldAKey() throws Exception {
        assertThatThrownBy(() -> service(config(10, "shared/totp.key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("etc/org.mezite.auth.local.cfg: totp.key.file: " + data.resolve("shared/totp.key")
                        + " does not exist (make it with: openssl rand -base64 32 > ");
        assertThat(data.resolve("shared/totp.key")).doesNotExist();

        Files.writeString(data.resolve("short.key"), "c2hvcnQ=\n");
        assertThatThrownBy(() -> service(config(10, "short.key")))
                .hasMessage("etc/org.mezite.auth.local.cfg: totp.key.file: " + data.resolve("short.key")
                        + ": holds 5 bytes, a key has 32 (made with: openssl rand -base64 32)");

        Files.writeString(data.resolve("good.key"), java.util.Base64.getEncoder()
                .encodeToString(LocalUsersFixture.masterKey(3)));
        assertThat(service(config(10, data.resolve("good.key").toString()))).isNotNull();
        assertThat(data.resolve("totp.key")).doesNotExist();
    }

    @Test
    void aDamagedKeyFileInTheDataDirectoryIsNotReplaced() throws Exception {
        Files.writeString(data.resolve("totp.key"), "not base64!");

        assertThatThrownBy(() -> service(config(10, ""))).hasMessage(data.resolve("totp.key")
                + ": not base64 (a key is made with: openssl rand -base64 32); restore it from a backup");
        assertThat(Files.readString(data.resolve("totp.key"))).isEqualTo("not base64!");
    }
}
