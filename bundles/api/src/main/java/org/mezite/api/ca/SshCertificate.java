package org.mezite.api.ca;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mezite.api.store.CaType;

/**
 * A signed OpenSSH certificate and what it says.
 *
 * @param authorizedKey  the certificate in OpenSSH public key format ({@code ssh-ed25519-cert-v01@openssh.com
 *                       AAAA... key-id}), the content of an {@code id_ed25519-cert.pub} file
 * @param signedBy       which CA signed it
 * @param serial         the serial number, random; positive so that logs, audit events and KRLs agree on it
 * @param keyId          the key id OpenSSH logs on use: the user name or the node id
 * @param principals     the logins (user certificate) or host names (host certificate) it is valid for
 * @param validAfter     start of validity
 * @param validBefore    end of validity
 * @param extensions     the extensions by name; flags map to the empty string
 */
public record SshCertificate(String authorizedKey, CaType signedBy, long serial, String keyId, List<String> principals,
        Instant validAfter, Instant validBefore, Map<String, String> extensions) {

    public SshCertificate {
        Objects.requireNonNull(authorizedKey, "authorizedKey");
        Objects.requireNonNull(signedBy, "signedBy");
        Objects.requireNonNull(keyId, "keyId");
        principals = List.copyOf(principals);
        Objects.requireNonNull(validAfter, "validAfter");
        Objects.requireNonNull(validBefore, "validBefore");
        extensions = Map.copyOf(extensions);
    }
}
