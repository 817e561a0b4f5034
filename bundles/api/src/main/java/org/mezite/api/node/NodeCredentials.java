package org.mezite.api.node;

import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a joined node holds, as of now: certificates are renewed while the agent runs, so ask the
 * {@link NodeIdentityProvider} again for each new connection rather than keep one of these.
 *
 * @param nodeId          the node's id (host certificate key id, TLS certificate common name)
 * @param nodeName        the node's name
 * @param clusterName     the cluster it joined
 * @param labels          its labels
 * @param hostKey         the SSH host key pair (Ed25519)
 * @param hostCertificate the host certificate for {@code hostKey}, one OpenSSH line ({@code ssh-ed25519-cert-v01@...})
 * @param userCaKeys      the User CA's public keys, OpenSSH authorized-key lines; user certificates must be signed
 *                        by one of them
 * @param tlsKey          the private key of the node's TLS client certificate
 * @param tlsChain        the node's TLS certificate chain, leaf first
 * @param hostCa          the Host CA's X.509 certificate, which the proxy's and Auth's TLS certificates chain to
 * @param proxyTunnel     where the proxy's tunnel listener is (unresolved host and port)
 */
public record NodeCredentials(String nodeId, String nodeName, String clusterName, Map<String, String> labels,
        KeyPair hostKey, String hostCertificate, List<String> userCaKeys, PrivateKey tlsKey,
        List<X509Certificate> tlsChain, X509Certificate hostCa, InetSocketAddress proxyTunnel) {

    public NodeCredentials {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(clusterName, "clusterName");
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
        Objects.requireNonNull(hostKey, "hostKey");
        Objects.requireNonNull(hostCertificate, "hostCertificate");
        userCaKeys = List.copyOf(userCaKeys);
        Objects.requireNonNull(tlsKey, "tlsKey");
        tlsChain = List.copyOf(tlsChain);
        Objects.requireNonNull(hostCa, "hostCa");
        Objects.requireNonNull(proxyTunnel, "proxyTunnel");
    }
}
