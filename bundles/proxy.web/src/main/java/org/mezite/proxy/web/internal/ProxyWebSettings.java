package org.mezite.proxy.web.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated {@code etc/org.mezite.proxy.web.cfg}.
 *
 * @param publicAddresses how users reach the proxy, possibly none
 * @param certificateFile the configured PEM chain, or {@code null} for a certificate from the host CA
 * @param keyFile         its private key, set exactly when {@code certificateFile} is
 */
record ProxyWebSettings(List<PublicAddress> publicAddresses, Path certificateFile, Path keyFile) {

    static final String PID = "org.mezite.proxy.web";
    static final String CONFIG_FILE = "etc/" + PID + ".cfg";

    ProxyWebSettings {
        publicAddresses = List.copyOf(publicAddresses);
    }

    /**
     * @param listenPort the port of {@code proxy.web.listen}: the public port when an address names none
     * @param home       what relative file names are relative to (the hub's home)
     * @throws IllegalArgumentException naming the file, the key and the problem
     */
    static ProxyWebSettings of(ProxyWebConfig config, int listenPort, Path home) {
        List<PublicAddress> addresses = new ArrayList<>();
        for (String item : config.public__addr().split(",")) {
            if (!item.isBlank()) {
                try {
                    addresses.add(PublicAddress.parse(item, listenPort));
                } catch (IllegalArgumentException e) {
                    throw invalid("public_addr", e.getMessage());
                }
            }
        }
        String certificate = config.tls__cert__file().strip();
        String key = config.tls__key__file().strip();
        if (certificate.isEmpty() != key.isEmpty()) {
            throw invalid(certificate.isEmpty() ? "tls_cert_file" : "tls_key_file",
                    "tls_cert_file and tls_key_file go together: set both or neither");
        }
        return new ProxyWebSettings(addresses, certificate.isEmpty() ? null : home.resolve(certificate),
                key.isEmpty() ? null : home.resolve(key));
    }

    boolean hasConfiguredCertificate() {
        return certificateFile != null;
    }

    static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(CONFIG_FILE + ": " + key + ": " + problem);
    }
}
