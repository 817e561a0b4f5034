package org.mezite.auth.internal.join;

import java.util.Map;

/**
 * What an agent sends to join, as received: nothing here is checked yet.
 *
 * @param token         the one-time join token
 * @param nodeName      the node's name
 * @param labels        labels from the agent's configuration
 * @param sshPublicKey  the SSH host public key, OpenSSH format
 * @param tlsPublicKey  the TLS public key, OpenSSH format
 * @param version       the agent's version
 * @param clientAddress where the request came from, or {@code null}
 */
public record JoinApplication(String token, String nodeName, Map<String, String> labels, String sshPublicKey,
        String tlsPublicKey, String version, String clientAddress) {

    /** Leaves the token out. */
    @Override
    public String toString() {
        return "JoinApplication[token=****, nodeName=" + nodeName + ", labels=" + labels + ", version=" + version
                + ", clientAddress=" + clientAddress + "]";
    }
}
