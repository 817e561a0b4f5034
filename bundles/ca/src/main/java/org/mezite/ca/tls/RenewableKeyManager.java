package org.mezite.ca.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

import org.mezite.api.ca.TlsIdentity;

/**
 * Hands the TLS engine the server's current identity, which a renewal may replace at any time without restarting
 * the listener. The identity it replaced stays available for a handshake that chose it just before.
 */
public final class RenewableKeyManager extends X509ExtendedKeyManager {

    private record Entry(String alias, PrivateKey key, X509Certificate[] chain) {
    }

    private volatile Entry current;
    private volatile Entry previous;
    private int generation;

    RenewableKeyManager(TlsIdentity identity) {
        this(identity.privateKey(), identity.certificate().chain());
    }

    /**
     * @param key   the private key
     * @param chain its certificate first, then the issuers
     */
    public RenewableKeyManager(PrivateKey key, List<X509Certificate> chain) {
        this.current = entry(key, chain);
    }

    void replace(TlsIdentity identity) {
        replace(identity.privateKey(), identity.certificate().chain());
    }

    /** Makes this key and chain the one new handshakes get. */
    public synchronized void replace(PrivateKey key, List<X509Certificate> chain) {
        Entry next = entry(key, chain);
        previous = current;
        current = next;
    }

    /** The certificate new handshakes get. */
    public X509Certificate certificate() {
        return current.chain()[0];
    }

    private synchronized Entry entry(PrivateKey key, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least the leaf");
        }
        return new Entry("server-" + ++generation, Objects.requireNonNull(key, "key"),
                chain.toArray(X509Certificate[]::new));
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
        Entry entry = find(alias);
        return entry == null ? null : entry.chain().clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Entry entry = find(alias);
        return entry == null ? null : entry.key();
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
        Entry entry = current;
        return keyType == null || entry.key().getAlgorithm().equalsIgnoreCase(keyType) ? entry.alias() : null;
    }

    private Entry find(String alias) {
        Entry now = current;
        if (now.alias().equals(alias)) {
            return now;
        }
        Entry before = previous;
        return before != null && before.alias().equals(alias) ? before : null;
    }
}
