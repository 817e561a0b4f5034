package org.mezite.proxy.web.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The private key and certificate chain the HTTPS listener presents. {@link #toString()} leaves out the key.
 *
 * @param alias a name unique to this identity, so that a handshake that picked it finds the same key and chain
 *              even when a renewal replaces it meanwhile
 * @param key   the private key
 * @param chain the leaf first, then its issuers
 */
record ServerIdentity(String alias, PrivateKey key, List<X509Certificate> chain) {

    ServerIdentity {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least the leaf");
        }
    }

    X509Certificate leaf() {
        return chain.get(0);
    }

    Instant notBefore() {
        return leaf().getNotBefore().toInstant();
    }

    Instant notAfter() {
        return leaf().getNotAfter().toInstant();
    }

    @Override
    public String toString() {
        return "ServerIdentity[" + alias + ", " + leaf().getSubjectX500Principal() + ", until " + notAfter() + "]";
    }
}
