package org.mezite.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Accepts a server only by a host certificate from a CA that msh's {@code known_hosts} trusts for the server's name,
 * the way OpenSSH reads {@code @cert-authority} lines. MINA itself checks the certificate's signature, that it is
 * valid now and that one of its principals is the name msh connected to; this adds which CA may vouch for which
 * names.
 * <p>
 * Nodes are looked up as {@code NAME.CLUSTER} on port 22, as plain OpenSSH sees them through {@code msh config}, so
 * one line ({@code *.CLUSTER}) covers them all; the proxy by its own address.
 */
final class HostCertificateVerifier implements ServerKeyVerifier {

    private static final int NODE_PORT = 22;

    private final List<KnownHostEntry> authorities;
    private final String cluster;
    /** Why each refused server was refused, for the error message (a closing session drops its attributes). */
    private final Map<ClientSession, String> refusals = Collections.synchronizedMap(new WeakHashMap<>());

    HostCertificateVerifier(List<KnownHostEntry> authorities, String cluster) {
        this.authorities = List.copyOf(authorities);
        this.cluster = cluster;
    }

    /** The {@code @cert-authority} lines of a {@code known_hosts} file; none when it does not exist. */
    static HostCertificateVerifier read(Path knownHosts, String cluster) {
        List<KnownHostEntry> authorities = new ArrayList<>();
        try {
            for (KnownHostEntry entry : KnownHostEntry.readKnownHostEntries(knownHosts)) {
                if ("cert-authority".equals(entry.getMarker())) {
                    authorities.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            // nothing is trusted
        } catch (IOException | RuntimeException e) {
            throw MshException.failed("cannot read " + knownHosts + ": " + e.getMessage());
        }
        return new HostCertificateVerifier(authorities, cluster);
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        InetSocketAddress address = (InetSocketAddress) session.getConnectAddress();
        boolean node = session.getIoSession() instanceof ChannelIoSession;
        String name = node ? nodeName(address.getHostString()) : address.getHostString();
        int port = node ? NODE_PORT : address.getPort();
        String refusal = refusal(name, port, serverKey);
        if (refusal != null) {
            refusals.put(session, refusal);
            return false;
        }
        return true;
    }

    /** Why the server of this session was refused, or {@code null}. */
    String refusalOf(ClientSession session) {
        return session == null ? null : refusals.get(session);
    }

    /** @return why the key is refused, or {@code null} when it is accepted */
    String refusal(String name, int port, PublicKey serverKey) {
        if (!(serverKey instanceof OpenSshCertificate certificate)) {
            return "it presented a plain host key, not a host certificate of cluster " + cluster;
        }
        if (certificate.getType() != OpenSshCertificate.Type.HOST) {
            return "it presented a user certificate as its host key";
        }
        PublicKey signer = certificate.getCaPubKey();
        boolean listed = false;
        for (KnownHostEntry entry : authorities) {
            if (entry.isHostMatch(name, port)) {
                listed = true;
                if (KeyUtils.compareKeys(signer, resolve(entry))) {
                    return null;
                }
            }
        }
        return listed ? "its host certificate is signed by " + KeyUtils.getFingerPrint(signer)
                + ", not by the host CA msh trusts for " + name + "; run msh login again if the cluster's CA changed"
                : "msh trusts no host CA for " + name + " (no @cert-authority line in known_hosts); run msh login";
    }

    private String nodeName(String host) {
        return host.endsWith("." + cluster) ? host : host + "." + cluster;
    }

    private static PublicKey resolve(KnownHostEntry entry) {
        try {
            return entry.getKeyEntry().resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.IGNORING);
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
    }
}
