package org.mezite.proxy.web.internal;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Hands the TLS engine the current {@link ServerIdentity}, which a renewal may replace at any time without restarting
 * the listener. The identity it replaced stays available for handshakes that chose it just before.
 */
final class ServerKeyManager extends X509ExtendedKeyManager {

    private volatile ServerIdentity current;
    private volatile ServerIdentity previous;

    ServerKeyManager(ServerIdentity identity) {
        this.current = identity;
    }

    synchronized void replace(ServerIdentity identity) {
        previous = current;
        current = identity;
    }

    ServerIdentity current() {
        return current;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return alias(keyType);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return alias(keyType);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        String alias = alias(keyType);
        return alias == null ? null : new String[] {alias};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        ServerIdentity identity = find(alias);
        return identity == null ? null : identity.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        ServerIdentity identity = find(alias);
        return identity == null ? null : identity.key();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }

    /** The current identity's alias when its key suits the key type the handshake asks for ("EC", "RSA", ...). */
    private String alias(String keyType) {
        ServerIdentity identity = current;
        return identity.key().getAlgorithm().equalsIgnoreCase(keyType) ? identity.alias() : null;
    }

    private ServerIdentity find(String alias) {
        ServerIdentity now = current;
        if (now.alias().equals(alias)) {
            return now;
        }
        ServerIdentity before = previous;
        return before != null && before.alias().equals(alias) ? before : null;
    }
}
