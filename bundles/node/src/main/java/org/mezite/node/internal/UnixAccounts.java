package org.mezite.node.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Looks logins up the way the C library does, through {@code getent passwd}, so that whatever NSS source the host
 * uses (files, LDAP, SSSD) decides, as it does for sshd.
 */
final class UnixAccounts {

    /** What a POSIX login name may look like; anything else is never passed to a command. */
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]{0,63}\\$?");
    private static final long TIMEOUT_SECONDS = 30;

    private final String getent;

    UnixAccounts(String getent) {
        this.getent = getent;
    }

    static boolean isValidName(String login) {
        return login != null && LOGIN.matcher(login).matches();
    }

    /**
     * @return the account, or empty when the host has no such login
     * @throws IOException when the user database cannot be asked
     */
    Optional<UnixAccount> find(String login) throws IOException {
        if (!isValidName(login)) {
            return Optional.empty();
        }
        Process process = new ProcessBuilder(getent, "passwd", login).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            process.getOutputStream().close();
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("getent passwd " + login + " did not answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while looking up " + login, e);
        }
        int status = process.exitValue();
        if (status == 2) {
            return Optional.empty(); // getent: key not found
        }
        if (status != 0) {
            throw new IOException("getent passwd " + login + " failed with status " + status + ": " + output.strip());
        }
        return parse(login, output);
    }

    /** One {@code passwd} line: {@code name:password:uid:gid:gecos:home:shell}. */
    static Optional<UnixAccount> parse(String login, String output) {
        for (String line : output.split("\n")) {
            String[] fields = line.split(":", -1);
            if (fields.length < 7 || !fields[0].equals(login)) {
                continue;
            }
            try {
                int uid = Integer.parseInt(fields[2]);
                int gid = Integer.parseInt(fields[3]);
                String home = fields[5].isEmpty() ? "/" : fields[5];
                String shell = fields[6].strip().isEmpty() ? "/bin/sh" : fields[6].strip();
                return Optional.of(new UnixAccount(login, uid, gid, home, shell));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
