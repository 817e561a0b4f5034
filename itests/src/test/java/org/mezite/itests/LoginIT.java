package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    private static final Path MSH = Path.of(System.getProperty("msh.dist", "target/archives/msh-0.1.0-SNAPSHOT"),
            "bin/msh");
    private static final String PASSWORD = "correct horse battery staple";
    private static final String PG_ADMIN_URL = System.getProperty("mezite.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("mezite.pg.user", "postgres");

    @TempDir
    Path dir;

    private Path mshHome;
    /** The TOTP secret of alice's authenticator, once signup has shown it. */
    private byte[] secret;
    /** Where each msh process writes its standard error. */
    private final Map<Process, Path> errorFiles = new HashMap<>();

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
        String status = hub.startAndAwaitHealthy();
        assertThat(status).contains("proxy-web      https");

        Mezhub.ClientResult added = hub.client("mezite:user-add alice --roles access --logins alice,root");
        assertThat(added.exitCode()).as(added.output()).isZero();
        String token = lineAfter(added.output(), "Invite token: ");
        List<String> signup = signupCommand(added.output());
        assertThat(signup).containsSequence("--token", token);
        String proxy = signup.get(signup.indexOf("--proxy") + 1);
        String pin = signup.get(signup.indexOf("--ca-pin") + 1);
        List<String> login = List.of("login", "--proxy", proxy, "--user", "alice", "--ca-pin", pin);

        // signup: the code comes from the secret msh shows, as an authenticator app would make it
        long signupStep = signUp(signup);

        Run wrongPassword = msh(List.of("not the password", Totp.code(secret, Totp.now())), login);
        assertRefused(wrongPassword, "msh: login failed: wrong user name or password");

        Run wrongCode = msh(List.of(PASSWORD, Totp.codeOfNoNearbyStep(secret)), login);
        assertRefused(wrongCode, "msh: login failed: wrong authenticator code");
        assertThat(mshHome.resolve("profile")).as("a refused login writes nothing").doesNotExist();

        // the signup's code is used up: a later step's code, which the hub accepts one step ahead
        String code = Totp.code(secret, Math.max(signupStep + 1, Totp.now()));
        Run success = msh(List.of(PASSWORD, code), login);
        assertThat(success.exitCode()).as(success.err()).isZero();
        assertThat(success.out()).startsWith("Logged in to cluster mezite as alice.\n")
                .contains("  Logins:       alice, root\n", "  Roles:        access\n");

        Run shown = msh(List.of(), List.of("status"));
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

        Run reused = msh(List.of(PASSWORD, code), login);
        assertRefused(reused, "msh: login failed: this authenticator code has been used already");
        assertThat(msh(List.of(), List.of("status")).out()).as("a refused login keeps the earlier one")
                .contains("User:         alice\n");

        // the reused code was the first failure since the login; four more lock the account
        for (int failure = 2; failure <= 5; failure++) {
            assertRefused(msh(List.of("wrong password " + failure, "000000"), login),
                    "msh: login failed: wrong user name or password");
        }
        Run locked = msh(List.of(PASSWORD, Totp.code(secret, Totp.now())), login);
        assertRefused(locked, "msh: login failed: account locked until ");
        assertThat(locked.err()).containsPattern("account locked until \\d\\d:\\d\\d UTC after 5 failed logins");

        Run logout = msh(List.of(), List.of("logout"));
        assertThat(logout.exitCode()).as(logout.err()).isZero();
        assertThat(logout.out()).isEqualTo("Logged out alice from " + proxy
                + ": removed the key and its certificates.\n");
        assertThat(key.getParent()).doesNotExist();
        assertThat(mshHome.resolve("profile")).doesNotExist();
        Run after = msh(List.of(), List.of("status"));
        assertThat(after.exitCode()).isEqualTo(1);
        assertThat(after.err()).contains("msh: not logged in");
    }

    /**
     * Runs the printed msh signup, answering as the user would once the secret is on screen.
     *
     * @return the time step of the code it confirmed with
     */
    private long signUp(List<String> command) throws Exception {
        Process process = start(command);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream in = process.getOutputStream()) {
            List<String> shown = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("  Secret: ")) {
                shown.add(line);
            }
            assertThat(line).as("msh signup shows the secret; it printed " + shown + "\n" + errors(process))
                    .isNotNull();
            secret = Totp.base32(line.substring("  Secret: ".length()).strip());
            long step = Totp.now();
            in.write((PASSWORD + "\n" + PASSWORD + "\n" + Totp.code(secret, step) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.flush();
            String rest = out.lines().collect(Collectors.joining("\n"));
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("msh signup exits").isTrue();
            assertThat(process.exitValue()).as(rest + "\n" + errors(process)).isZero();
            assertThat(rest).contains("Signed up alice. Log in with:");
            return step;
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** Runs msh as a script would: standard input is not a terminal, so each answer is one line of it. */
    private Run msh(List<String> answers, List<String> args) throws Exception {
        Process process = start(args);
        try (OutputStream in = process.getOutputStream()) {
            for (String answer : answers) {
                in.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("msh " + args + " exits").isTrue();
        return new Run(process.exitValue(), out, errors(process));
    }

    private Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(MSH.toString());
        command.addAll(args);
        Path err = Files.createTempFile(dir, "msh", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        builder.environment().put("MSH_HOME", mshHome.toString());
        builder.environment().put("HOME", dir.toString()); // msh's class-data archive goes to $HOME/.cache
        builder.environment().remove("XDG_CACHE_HOME");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        errorFiles.put(process, err);
        return process;
    }

    private String errors(Process process) throws IOException, InterruptedException {
        process.waitFor(60, TimeUnit.SECONDS);
        return Files.readString(errorFiles.get(process), StandardCharsets.UTF_8);
    }

    private static void assertRefused(Run run, String message) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains(message);
    }

    private static String lineAfter(String output, String prefix) {
        return output.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> line.substring(prefix.length()).strip())
                .orElseThrow(() -> new AssertionError("no line starting with \"" + prefix + "\" in:\n" + output));
    }

    /** The arguments of the {@code msh signup ...} line mezite:user-add prints. */
    private static List<String> signupCommand(String output) {
        String line = output.lines().map(String::strip).filter(l -> l.startsWith("msh signup ")).findFirst()
                .orElseThrow(() -> new AssertionError("no msh signup command in:\n" + output));
        List<String> words = new ArrayList<>(Arrays.asList(line.split("\\s+")));
        words.remove(0);
        assertThat(words).contains("--proxy", "--ca-pin");
        return words;
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

    /** An authenticator app: RFC 6238 with HMAC-SHA1, 30-second steps, 6 digits. */
    private static final class Totp {

        private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        static long now() {
            return Instant.now().getEpochSecond() / 30;
        }

        static String code(byte[] secret, long step) throws GeneralSecurityException {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16
                    | (hash[offset + 2] & 0xff) << 8 | hash[offset + 3] & 0xff;
            return String.format("%06d", binary % 1_000_000);
        }

        /** Six digits that are the code of no step near now, whenever the hub checks them. */
        static String codeOfNoNearbyStep(byte[] secret) throws GeneralSecurityException {
            long now = now();
            Set<String> nearby = new HashSet<>();
            for (long step : LongStream.rangeClosed(now - 3, now + 3).toArray()) {
                nearby.add(code(secret, step));
            }
            for (int candidate = 0;; candidate++) {
                String code = String.format("%06d", candidate);
                if (!nearby.contains(code)) {
                    return code;
                }
            }
        }

        static byte[] base32(String text) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int buffer = 0;
            int bits = 0;
            for (char c : text.toUpperCase().toCharArray()) {
                int value = BASE32.indexOf(c);
                if (value < 0) {
                    continue; // padding
                }
                buffer = buffer << 5 | value;
                bits += 5;
                if (bits >= 8) {
                    out.write(buffer >> (bits - 8) & 0xff);
                    bits -= 8;
                }
            }
            return out.toByteArray();
        }
    }
}
