package org.mezite.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The harness's command line: {@code --name value} pairs after the mode. Every mistake names the option.
 *
 * @param jump      the jump host: the Mezite proxy or the OpenSSH bastion
 * @param target    the node, as the jump host resolves it ({@code node-01:22}, {@code 127.0.0.1:2222})
 * @param key       the user's private key (OpenSSH format)
 * @param cert      the user's certificate ({@code KEY-cert.pub})
 * @param hostCa    the host CA's public key, or a known_hosts {@code @cert-authority} line naming it
 * @param count     sessions: sequential ones for {@code connect}, held ones for {@code hold}
 * @param warmup    untimed sessions before the timed ones ({@code connect})
 * @param parallel  how many sessions are being opened at once ({@code hold})
 * @param command   the command each timed session runs ({@code connect})
 * @param onHeld    a shell command run while all sessions are held open ({@code hold}), e.g. to read the RSS
 * @param timeout   how long one step may take before it counts as failed
 */
record Options(UserHost jump, UserHost target, Path key, Path cert, Path hostCa, int count, int warmup,
        int parallel, String command, String onHeld, Duration timeout) {

    private static final Set<String> NAMES = Set.of("--jump", "--target", "--key", "--cert", "--host-ca", "-n",
            "--warmup", "--parallel", "--command", "--on-held", "--timeout");

    static Options parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + "; known: " + NAMES);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            values.put(name, args.get(i + 1));
        }
        return new Options(
                UserHost.parse("--jump", required(values, "--jump")),
                UserHost.parse("--target", required(values, "--target")),
                Path.of(required(values, "--key")),
                Path.of(required(values, "--cert")),
                Path.of(required(values, "--host-ca")),
                positive(values, "-n", "100"),
                positiveOrZero(values, "--warmup", "20"),
                positive(values, "--parallel", "8"),
                values.getOrDefault("--command", "true"),
                values.get("--on-held"),
                Duration.ofSeconds(positive(values, "--timeout", "60")));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static int positive(Map<String, String> values, String name, String fallback) {
        int n = positiveOrZero(values, name, fallback);
        if (n == 0) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return n;
    }

    private static int positiveOrZero(Map<String, String> values, String name, String fallback) {
        String text = values.getOrDefault(name, fallback);
        try {
            int n = Integer.parseInt(text);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": \"" + text + "\" is not a whole number >= 0", e);
        }
    }

    /** {@code user@host:port}. */
    record UserHost(String user, String host, int port) {

        static UserHost parse(String option, String text) {
            int at = text.lastIndexOf('@');
            int colon = text.lastIndexOf(':');
            if (at <= 0 || colon < at + 2 || colon == text.length() - 1) {
                throw new IllegalArgumentException(option + ": \"" + text + "\" is not USER@HOST:PORT");
            }
            try {
                return new UserHost(text.substring(0, at), text.substring(at + 1, colon),
                        Integer.parseInt(text.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": \"" + text + "\" has no numeric port", e);
            }
        }

        @Override
        public String toString() {
            return user + "@" + host + ":" + port;
        }
    }
}
