package org.mezite.proxy.web.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The private key and certificate chain the HTTPS listener presents. {@link #toString()} leaves out the key.
 *
 * @param key   the private key
 * @param chain the leaf first, then its issuers
 */
record ServerIdentity(PrivateKey key, List<X509Certificate> chain) {

    ServerIdentity {
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
        return "ServerIdentity[" + leaf().getSubjectX500Principal() + ", until " + notAfter() + "]";
    }
}
