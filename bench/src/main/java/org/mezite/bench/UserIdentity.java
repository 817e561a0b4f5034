package org.mezite.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.security.SecurityUtils;

/** The user's private key with its OpenSSH certificate as the public half: what MINA signs in with. */
final class UserIdentity {

    private UserIdentity() {
    }

    static KeyPair load(Path keyFile, Path certFile) throws IOException, GeneralSecurityException {
        PrivateKey key = readPrivateKey(keyFile);
        PublicKey cert = parsePublicKey(Files.readString(certFile, StandardCharsets.US_ASCII).strip(), certFile);
        if (!(cert instanceof OpenSshCertificate)) {
            throw new IOException(certFile + ": not an OpenSSH certificate");
        }
        return new KeyPair(cert, key);
    }

    /**
     * An OpenSSH or PEM private key. A PKCS#8 key without its public half (as {@code mezite:cert-sign} writes them;
     * MINA's PEM reader insists on the public half) is read by the JDK: the certificate carries the public key.
     */
    private static PrivateKey readPrivateKey(Path keyFile) throws IOException, GeneralSecurityException {
        String text = Files.readString(keyFile, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN PRIVATE KEY-----")) {
            String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
            GeneralSecurityException last = null;
            for (String algorithm : new String[] {"EC", "Ed25519", "RSA"}) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(spec);
                } catch (GeneralSecurityException e) {
                    last = e;
                }
            }
            throw new GeneralSecurityException(keyFile + ": a PKCS#8 key of no type this harness reads", last);
        }
        try (InputStream in = Files.newInputStream(keyFile)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(keyFile.toString()),
                    in, null);
            Iterator<KeyPair> it = pairs == null ? Collections.emptyIterator() : pairs.iterator();
            if (!it.hasNext()) {
                throw new IOException(keyFile + ": no private key in it");
            }
            return it.next().getPrivate();
        }
    }

    /** Parses an authorized_keys style line; a known_hosts {@code @cert-authority PATTERNS} prefix is skipped. */
    static PublicKey parsePublicKey(String line, Path source) throws IOException, GeneralSecurityException {
        String text = line.strip();
        if (text.startsWith("@cert-authority")) {
            String[] parts = text.split("\\s+", 3);
            if (parts.length < 3) {
                throw new IOException(source + ": \"@cert-authority\" line without a key");
            }
            text = parts[2];
        }
        PublicKeyEntry entry = PublicKeyEntry.parsePublicKeyEntry(text);
        if (entry == null) {
            throw new IOException(source + ": no public key in it");
        }
        return entry.resolvePublicKey(null, Collections.emptyMap(), PublicKeyEntryResolver.FAILING);
    }
}
