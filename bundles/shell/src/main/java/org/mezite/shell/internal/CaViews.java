package org.mezite.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mezite.api.admin.CaInfo;
import org.mezite.api.store.CaType;

/** The cluster's CAs for {@code mezite:ca-list} and {@code mezite:ca-export}. */
final class CaViews {

    private CaViews() {
    }

    static String text(List<CaInfo> cas) {
        StringBuilder out = new StringBuilder();
        for (CaInfo ca : cas) {
            out.append(ca.type().id()).append(" CA of cluster ").append(ca.clusterName()).append('\n');
            out.append("  SSH public key:   ").append(ca.sshPublicKey()).append('\n');
            out.append("  SSH fingerprint:  ").append(ca.sshFingerprint()).append('\n');
            out.append("  TLS pin:          ").append(ca.tlsPin()).append('\n');
        }
        return out.toString();
    }

    static Map<String, Object> json(CaInfo ca) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", ca.type().id());
        m.put("cluster", ca.clusterName());
        m.put("ssh_public_key", ca.sshPublicKey());
        m.put("ssh_fingerprint", ca.sshFingerprint());
        m.put("tls_pin", ca.tlsPin());
        m.put("certificate_pem", ca.certificatePem());
        return m;
    }

    /** The CA of this type, from a listing. */
    static CaInfo of(List<CaInfo> cas, CaType type) {
        return cas.stream().filter(ca -> ca.type() == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the cluster has no " + type.id() + " CA yet"));
    }

    /** {@code --type user|host}. */
    static CaType type(String text) {
        return switch (text == null ? "" : text) {
            case "user" -> CaType.USER;
            case "host" -> CaType.HOST;
            default -> throw new IllegalArgumentException("--type: \"" + text + "\" is not one of user, host");
        };
    }

    /** A known_hosts line trusting host certificates of the host CA, for OpenSSH clients. */
    static String certAuthorityLine(CaInfo hostCa, String hostPatterns) {
        if (hostPatterns == null || hostPatterns.isBlank() || hostPatterns.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("--hosts: host patterns must be one non-empty word without spaces,"
                    + " got \"" + hostPatterns + "\"");
        }
        return "@cert-authority " + hostPatterns + " " + hostCa.sshPublicKey();
    }
}
