package org.mezite.api.ca;

import java.time.Duration;
import java.util.List;

/**
 * What to put in a host certificate. Its principals are the node id, the host name and the other names, in that
 * order and without repeats; a client checks the name it connected to against them.
 *
 * @param publicKey       the host's public key in OpenSSH format
 * @param nodeId          the node's id, also the certificate's key id
 * @param hostname        the host's name
 * @param additionalNames other names or addresses users reach the host by
 * @param ttl             how long the certificate is valid, positive; cut to the configured maximum
 */
public record HostCertificateRequest(String publicKey, String nodeId, String hostname, List<String> additionalNames,
        Duration ttl) {

    public HostCertificateRequest {
        additionalNames = additionalNames == null ? List.of() : List.copyOf(additionalNames);
    }
}
