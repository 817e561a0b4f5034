package org.mezite.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where msh logged in last, in {@code $MSH_HOME/profile} as {@code key = value} lines, so that later commands know
 * the proxy, how to trust it and which key to use without being told again.
 *
 * @param proxy    the proxy's HTTPS address
 * @param user     the Mezite user
 * @param cluster  the cluster name
 * @param caPin    the pinned CA, or {@code null} when the proxy is trusted otherwise
 * @param proxySsh the proxy's SSH address
 * @param key      the private key, relative to msh's directory
 */
record Profile(ProxyAddress proxy, String user, String cluster, CaPin caPin, String proxySsh, Path key) {

    static Optional<Profile> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (!line.isBlank() && !line.strip().startsWith("#") && equals > 0) {
                    values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
                }
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            String pin = values.getOrDefault("ca_pin", "");
            return Optional.of(new Profile(ProxyAddress.parse(required(values, "proxy")), required(values, "user"),
                    required(values, "cluster"), pin.isEmpty() ? null : CaPin.parse(pin),
                    values.getOrDefault("proxy_ssh", ""), Path.of(required(values, "key"))));
        } catch (MshException | IllegalArgumentException e) {
            throw MshException.failed(file + " is damaged (" + e.getMessage() + "); run msh logout, then log in"
                    + " again");
        }
    }

    /** The proxy's SSH address; profiles without one fall back to the HTTPS host, port 3023. */
    ProxyAddress sshAddress() {
        return proxySsh == null || proxySsh.isBlank() ? new ProxyAddress(proxy.host(), ProxyAddress.DEFAULT_SSH_PORT)
                : ProxyAddress.parseSsh(proxySsh);
    }

    String text() {
        return "# msh profile: the cluster msh logged in to last (written by msh login)\n"
                + "proxy = " + proxy + "\n"
                + "user = " + user + "\n"
                + "cluster = " + cluster + "\n"
                + "ca_pin = " + (caPin == null ? "" : caPin) + "\n"
                + "proxy_ssh = " + proxySsh + "\n"
                + "key = " + key + "\n";
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return value;
    }
}
