package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first day, against the real mezhub and the real msh: an administrator adds the user, who signs up with
 * the invite (enrolling TOTP from the secret msh prints), logs in (after a wrong password, a wrong code), looks at the
 * status and the certificate with OpenSSH's own tool, has a used code refused, gets locked out after five failures,
 * and logs out. Each refusal must tell the user what went wrong, with exit status 1. On both stores, since lockout and
 * one-use codes are the store's atomic updates.
 */
class LoginIT {

    private static final String PG_ADMIN_URL = System.getProperty("mezite.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("mezite.pg.user", "postgres");

    @TempDir
    Path dir;

    private Path mshHome;
    private Msh user;
    /** The TOTP secret of alice's authenticator, once signup has shown it. */
    private byte[] secret;

    @Test
    void onSqlite() throws Exception {
        try (Mezhub hub = Mezhub.install(dir.resolve("hub"))) {
            aNewUserSignsUpLogsInSeesTheirCertificateAndLogsOut(hub);
        }
    }

    @Test
    void onPostgresql() throws Exception {
        String database = "mezite_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "")) {
            admin.createStatement().execute("create database " + database);
            try (Mezhub hub = Mezhub.install(dir.resolve("hub"))) {
                hub.configure(Map.of("database.kind", "postgresql", "database.url",
                        "jdbc:postgresql://127.0.0.1:5432/" + database, "database.user", PG_USER));
                aNewUserSignsUpLogsInSeesTheirCertificateAndLogsOut(hub);
            } finally {
                admin.createStatement().execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    private void aNewUserSignsUpLogsInSeesTheirCertificateAndLogsOut(Mezhub hub) throws Exception {
        mshHome = dir.resolve("msh-home");
        user = new Msh(dir, mshHome);
        String status = hub.startAndAwaitHealthy();
        assertThat(status).contains("proxy-web      https");

        Mezhub.ClientResult added = hub.client("mezite:user-add alice --roles access --logins alice,root");
        assertThat(added.exitCode()).as(added.output()).isZero();
        String token = Msh.lineAfter(added.output(), "Invite token: ");
        List<String> signup = Msh.signupCommand(added.output());
        assertThat(signup).containsSequence("--token", token);
        String proxy = signup.get(signup.indexOf("--proxy") + 1);
        String pin = signup.get(signup.indexOf("--ca-pin") + 1);
        List<String> login = List.of("login", "--proxy", proxy, "--user", "alice", "--ca-pin", pin);

        // signup: the code comes from the secret msh shows, as an authenticator app would make it
        long signupStep = user.signUp(signup);
        secret = user.secret();

        Msh.Run wrongPassword = user.run(List.of("not the password", Totp.code(secret, Totp.now())), login);
        assertRefused(wrongPassword, "msh: login failed: wrong user name or password");

        Msh.Run wrongCode = user.run(List.of(Msh.PASSWORD, Totp.codeOfNoNearbyStep(secret)), login);
        assertRefused(wrongCode, "msh: login failed: wrong authenticator code");
        assertThat(mshHome.resolve("profile")).as("a refused login writes nothing").doesNotExist();

        // the signup's code is used up: a later step's code, which the hub accepts one step ahead
        String code = Totp.code(secret, Math.max(signupStep + 1, Totp.now()));
        Msh.Run success = user.run(List.of(Msh.PASSWORD, code), login);
        assertThat(success.exitCode()).as(success.err()).isZero();
        assertThat(success.out()).startsWith("Logged in to cluster mezite as alice.\n")
                .contains("  Logins:       alice, root\n", "  Roles:        access\n");

        Msh.Run shown = user.run(List.of(), List.of("status"));
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Proxy:        " + proxy + " (CA pin " + pin + ")\n",
                "Cluster:      mezite\n", "User:         alice\n", "Roles:        access\n",
                "Logins:       alice, root\n").containsPattern("Valid until:  .* UTC \\(1[12]h[0-9m]* left\\)\n");

        Path key = mshHome.resolve("keys/127.0.0.1/alice");
        String listing = run("ssh-keygen", "-L", "-f", key + "-cert.pub");
        assertThat(listing).contains("Type: ssh-ed25519-cert-v01@openssh.com user certificate",
                "Key ID: \"alice\"", "Principals: \n                alice\n                root\n",
                "Signing CA: ED25519 " + userCaFingerprint(status), "permit-pty");
        assertThat(run("ssh-keygen", "-y", "-f", key.toString()).split(" ")[1])
                .as("the private key is OpenSSH's format and belongs to the certificate")
                .isEqualTo(Files.readString(Path.of(key + ".pub")).split(" ")[1]);
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(
                PosixFilePermissions.fromString("rw-------"));
        String hostCa = hub.client("mezite:ca-export --type host").output().strip()
                .replaceFirst("^@cert-authority \\* ", "");
        assertThat(Files.readString(mshHome.resolve("known_hosts")))
                .startsWith("@cert-authority *.mezite,mezite,[127.0.0.1]:").endsWith(" " + hostCa + "\n");

        Msh.Run reused = user.run(List.of(Msh.PASSWORD, code), login);
        assertRefused(reused, "msh: login failed: this authenticator code has been used already");
        assertThat(user.run("status").out()).as("a refused login keeps the earlier one")
                .contains("User:         alice\n");

        // the reused code was the first failure since the login; four more lock the account
        for (int failure = 2; failure <= 5; failure++) {
            assertRefused(user.run(List.of("wrong password " + failure, "000000"), login),
                    "msh: login failed: wrong user name or password");
        }
        Msh.Run locked = user.run(List.of(Msh.PASSWORD, Totp.code(secret, Totp.now())), login);
        assertRefused(locked, "msh: login failed: account locked until ");
        assertThat(locked.err()).containsPattern("account locked until \\d\\d:\\d\\d UTC after 5 failed logins");

        Msh.Run logout = user.run(List.of(), List.of("logout"));
        assertThat(logout.exitCode()).as(logout.err()).isZero();
        assertThat(logout.out()).isEqualTo("Logged out alice from " + proxy
                + ": removed the key and its certificates.\n");
        assertThat(key.getParent()).doesNotExist();
        assertThat(mshHome.resolve("profile")).doesNotExist();
        Msh.Run after = user.run(List.of(), List.of("status"));
        assertThat(after.exitCode()).isEqualTo(1);
        assertThat(after.err()).contains("msh: not logged in");
    }

    private static void assertRefused(Msh.Run run, String message) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains(message);
    }

    /** The user CA's fingerprint from mezite:status. */
    private static String userCaFingerprint(String status) {
        return status.lines().map(String::strip).filter(line -> line.startsWith("user ")).findFirst()
                .map(line -> line.split("\\s+")[1])
                .orElseThrow(() -> new AssertionError("no user CA in:\n" + status));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }
}
