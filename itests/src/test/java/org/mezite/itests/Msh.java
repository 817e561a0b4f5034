package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The built msh, run as a user would with its own {@code MSH_HOME}, and the user's authenticator: what signup shows
 * becomes the TOTP secret that later logins make their codes from.
 */
final class Msh {

    static final Path MSH = Path.of(System.getProperty("msh.dist", "target/archives/msh-0.1.0-SNAPSHOT"), "bin/msh");
    static final String PASSWORD = "correct horse battery staple";

    private final Path dir;
    private final Path home;
    /** Where each msh process writes its standard error. */
    private final Map<Process, Path> errorFiles = new HashMap<>();
    /** The TOTP secret of the user's authenticator, once signup has shown it. */
    private byte[] secret;
    private long lastStep;
    private List<String> loginArgs;

    /**
     * @param dir  a scratch folder: standard error files, and {@code HOME} (msh's class-data archive goes there)
     * @param home the user's {@code MSH_HOME}
     */
    Msh(Path dir, Path home) {
        this.dir = dir;
        this.home = home;
    }

    Path home() {
        return home;
    }

    byte[] secret() {
        return secret;
    }

    record Run(int exitCode, String out, String err) {
    }

    /** Runs msh as a script would: standard input is not a terminal, so each answer is one line of it. */
    Run run(List<String> answers, List<String> args) throws Exception {
        Process process = start(args);
        try (OutputStream in = process.getOutputStream()) {
            for (String answer : answers) {
                in.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("msh " + args + " exits").isTrue();
        return new Run(process.exitValue(), out, errors(process));
    }

    /** Runs msh with no input. */
    Run run(String... args) throws Exception {
        return run(List.of(), List.of(args));
    }

    Process start(List<String> args) throws IOException {
        Path err = Files.createTempFile(dir, "msh", ".err");
        Process process = builder(args).redirectError(err.toFile()).start();
        errorFiles.put(process, err);
        return process;
    }

    /** msh with this user's environment, for callers that wire its streams themselves. */
    ProcessBuilder builder(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(MSH.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        environment(builder.environment());
        return builder;
    }

    /** MSH_HOME, HOME and JAVA_HOME as msh needs them here. */
    void environment(Map<String, String> environment) {
        environment.put("MSH_HOME", home.toString());
        environment.put("HOME", dir.toString());
        environment.remove("XDG_CACHE_HOME");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
    }

    String errors(Process process) throws IOException, InterruptedException {
        process.waitFor(60, TimeUnit.SECONDS);
        return Files.readString(errorFiles.get(process), StandardCharsets.UTF_8);
    }

    /**
     * Runs the printed msh signup, answering as the user would once the secret is on screen.
     *
     * @return the time step of the code it confirmed with
     */
    long signUp(List<String> command) throws Exception {
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
            assertThat(rest).contains("Log in with:");
            lastStep = step;
            return step;
        }
    }

    /**
     * An administrator adds the user on the hub's console; the user signs up with the invite and logs in.
     *
     * @return the output of {@code msh login}
     */
    String signUpAndLogIn(Mezhub hub, String user, String options, String... loginOptions) throws Exception {
        Mezhub.ClientResult added = hub.client("mezite:user-add " + user + " " + options);
        assertThat(added.exitCode()).as(added.output()).isZero();
        List<String> signup = signupCommand(added.output());
        signUp(signup);
        List<String> args = new ArrayList<>(List.of("login", "--proxy", signup.get(signup.indexOf("--proxy") + 1),
                "--user", user, "--ca-pin", signup.get(signup.indexOf("--ca-pin") + 1)));
        args.addAll(List.of(loginOptions));
        loginArgs = List.copyOf(args);
        Run login = logIn(args);
        assertThat(login.exitCode()).as(login.out() + login.err()).isZero();
        return login.out();
    }

    /** msh login again, as signUpAndLogIn did, with a fresh code. */
    Run logInAgain() throws Exception {
        assertThat(loginArgs).as("signUpAndLogIn ran first").isNotNull();
        return logIn(loginArgs);
    }

    /**
     * msh login with the password and a fresh code, one the hub has not seen yet. The hub takes codes up to one step
     * ahead of its clock, so a third login within one 30-second step waits for the next step, as a person would.
     */
    Run logIn(List<String> args) throws Exception {
        long step = Math.max(lastStep + 1, Totp.now());
        while (step > Totp.now() + 1) {
            Thread.sleep(1000);
        }
        lastStep = step;
        return run(List.of(PASSWORD, Totp.code(secret, step)), args);
    }

    static String lineAfter(String output, String prefix) {
        return output.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> line.substring(prefix.length()).strip())
                .orElseThrow(() -> new AssertionError("no line starting with \"" + prefix + "\" in:\n" + output));
    }

    /** The arguments of the {@code msh signup ...} line mezite:user-add prints. */
    static List<String> signupCommand(String output) {
        String line = output.lines().map(String::strip).filter(l -> l.startsWith("msh signup ")).findFirst()
                .orElseThrow(() -> new AssertionError("no msh signup command in:\n" + output));
        List<String> words = new ArrayList<>(Arrays.asList(line.split("\\s+")));
        words.remove(0);
        assertThat(words).contains("--proxy", "--ca-pin");
        return words;
    }
}
