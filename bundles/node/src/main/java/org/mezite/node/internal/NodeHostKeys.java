package org.mezite.node.internal;

import java.security.KeyPair;
import java.util.List;

import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.keyprovider.HostKeyCertificateProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;

/**
 * The host key and host certificate each connection presents: those of the identity the connection was set up with
 * (see {@link Connection}), so a renewed certificate is offered to the next connection and never changes under one
 * in progress.
 */
final class NodeHostKeys implements KeyPairProvider, HostKeyCertificateProvider {

    @Override
    public Iterable<KeyPair> loadKeys(SessionContext session) {
        NodeIdentity identity = identity(session);
        return identity == null ? List.of() : List.of(identity.hostKey());
    }

    @Override
    public Iterable<String> getKeyTypes(SessionContext session) {
        NodeIdentity identity = identity(session);
        return identity == null ? List.of() : List.of(identity.hostKeyType());
    }

    @Override
    public KeyPair loadKey(SessionContext session, String type) {
        NodeIdentity identity = identity(session);
        return identity != null && identity.hostKeyType().equals(type) ? identity.hostKey() : null;
    }

    @Override
    public Iterable<OpenSshCertificate> loadCertificates(SessionContext session) {
        NodeIdentity identity = identity(session);
        return identity == null ? List.of() : List.of(identity.hostCertificate());
    }

    private static NodeIdentity identity(SessionContext session) {
        Connection connection = session instanceof Session s ? Connection.of(s) : null;
        return connection == null ? null : connection.identity();
    }
}
