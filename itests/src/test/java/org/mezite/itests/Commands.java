package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Running system commands and reading their output. */
final class Commands {

    private Commands() {
    }

    /** Runs a command that must succeed; returns stdout and stderr together. */
    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command + " finishes").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }

    /** Creates the Unix user (home, bash) unless it exists: a login for sessions that must not run as root. */
    static void ensureUnixUser(String name) throws Exception {
        run(List.of("sh", "-c", "id " + name + " >/dev/null 2>&1 || useradd --create-home --shell /bin/bash " + name));
    }

    /** Removes the Unix user and its home, if it exists. */
    static void removeUnixUser(String name) throws Exception {
        run(List.of("sh", "-c", "userdel --remove " + name + " 2>/dev/null || true"));
    }

    /** The first match of the regular expression, which must be there. */
    static String find(String regex, String text) {
        var matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex + " in:\n" + text).isTrue();
        return matcher.group();
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
