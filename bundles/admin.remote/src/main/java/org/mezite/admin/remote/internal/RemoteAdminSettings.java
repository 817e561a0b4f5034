package org.mezite.admin.remote.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The validated {@code etc/org.mezite.admin.remote.cfg}.
 *
 * @param host        the Auth server's host
 * @param port        its gRPC port
 * @param certificate the client certificate's PEM file
 * @param key         its private key's file
 * @param caPin       {@code sha256:} and 64 lower-case hex digits: the host CA's key
 */
record RemoteAdminSettings(String host, int port, Path certificate, Path key, String caPin) {

    static final String PID = "org.mezite.admin.remote";
    static final String CONFIG_FILE = "etc/" + PID + ".cfg";
    static final int DEFAULT_PORT = 3025;

    private static final Pattern PIN = Pattern.compile("sha256:[0-9a-f]{64}");

    /**
     * @param home what relative file names are relative to (the hub's home)
     * @return nothing when {@code auth_address} is empty: the remote admin API is not wanted
     * @throws IllegalArgumentException naming the file, the key and the problem
     */
    static Optional<RemoteAdminSettings> of(RemoteAdminConfig config, Path home) {
        String address = config.auth__address().strip();
        if (address.isEmpty()) {
            return Optional.empty();
        }
        String host;
        int port;
        int colon = address.lastIndexOf(':');
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0 || (close + 1 < address.length() && address.charAt(close + 1) != ':')) {
                throw invalid("auth_address", "\"" + address + "\" is not HOST:PORT");
            }
            host = address.substring(1, close);
            port = close + 1 < address.length() ? port(address, address.substring(close + 2)) : DEFAULT_PORT;
        } else if (colon >= 0 && address.indexOf(':') == colon) {
            host = address.substring(0, colon);
            port = port(address, address.substring(colon + 1));
        } else {
            host = address;
            port = DEFAULT_PORT;
        }
        if (host.isBlank()) {
            throw invalid("auth_address", "\"" + address + "\" names no host");
        }
        String pin = config.ca__pin().strip().toLowerCase(Locale.ROOT);
        if (!PIN.matcher(pin).matches()) {
            throw invalid("ca_pin", pin.isEmpty() ? "is required with auth_address (mezite:status on the Auth hub"
                    + " prints the host CA's pin)" : "\"" + config.ca__pin() + "\" must be sha256: and 64 hex digits");
        }
        return Optional.of(new RemoteAdminSettings(host, port, file(home, "certificate", config.certificate()),
                file(home, "key", config.key()), pin));
    }

    /** {@code host:port}, as operators write it. */
    String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static int port(String address, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw invalid("auth_address", "\"" + address + "\": the port must be a number from 1 to 65535");
    }

    private static Path file(Path home, String key, String value) {
        if (value.isBlank()) {
            throw invalid(key, "is required with auth_address");
        }
        return home.resolve(value.strip()).normalize();
    }

    static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(CONFIG_FILE + ": " + key + ": " + problem);
    }
}
