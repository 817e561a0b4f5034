package org.mezite.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * msh's {@code known_hosts}: one {@code @cert-authority} line per cluster, which makes OpenSSH (and msh) accept a
 * host certificate from that cluster's host CA instead of asking about each node's key.
 * <p>
 * The host patterns say which names the CA may vouch for, and no more: {@code *.CLUSTER} and {@code CLUSTER} (nodes
 * reached through the proxy are named {@code NODE.CLUSTER}, the way Teleport names them, so a host CA of one cluster
 * never vouches for a machine elsewhere) and the proxy's own SSH address. A bare {@code *} would let the cluster's CA
 * vouch for any host the user ever connects to.
 */
final class KnownHosts {

    private static final Pattern HOST_PATTERN_WORD = Pattern.compile("[A-Za-z0-9._-]+");

    private KnownHosts() {
    }

    /**
     * @param proxySsh the proxy's SSH address ({@code HOST:PORT}), or empty when unknown
     * @return the host patterns, comma separated
     */
    static String patterns(String cluster, String proxySsh) {
        List<String> patterns = new ArrayList<>();
        if (HOST_PATTERN_WORD.matcher(cluster).matches()) {
            patterns.add("*." + cluster);
            patterns.add(cluster);
        }
        if (!proxySsh.isEmpty()) {
            ProxyAddress ssh = ProxyAddress.parse(proxySsh);
            patterns.add(ssh.port() == 22 ? ssh.host() : "[" + ssh.host() + "]:" + ssh.port());
        }
        if (patterns.isEmpty()) {
            throw MshException.failed("cannot name the hosts of cluster \"" + cluster + "\" in known_hosts");
        }
        return String.join(",", patterns);
    }

    /** {@code @cert-authority PATTERNS ssh-ed25519 AAAA... COMMENT}. */
    static String line(String patterns, String hostCaKey) {
        return "@cert-authority " + patterns + " " + hostCaKey.strip();
    }

    /** Replaces the cluster's line (recognised by its {@code *.CLUSTER} pattern), keeping every other line. */
    static String updated(String current, String cluster, String line) {
        List<String> lines = new ArrayList<>();
        for (String existing : current.lines().toList()) {
            if (!isClusterLine(existing, cluster)) {
                lines.add(existing);
            }
        }
        lines.add(line);
        return String.join("\n", lines) + "\n";
    }

    static void update(MshHome home, String cluster, String line) {
        Path file = home.knownHosts();
        try {
            String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            home.write(file, updated(current, cluster, line));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isClusterLine(String line, String cluster) {
        String[] fields = line.strip().split("\\s+");
        return fields.length >= 2 && fields[0].equals("@cert-authority")
                && List.of(fields[1].split(",")).contains("*." + cluster);
    }
}
