package org.mezite.node.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.mezite.api.access.SshTarget;
import org.mezite.api.node.NodeCredentials;

/**
 * The node's credentials as the SSH server uses them: the host key with its certificate, parsed, and the User CA keys
 * that user certificates must be signed by.
 *
 * @param credentials     what the agent holds
 * @param hostKey         the host key pair
 * @param hostCertificate the host certificate for it
 * @param hostKeyType     the host key's SSH type, e.g. {@code ssh-ed25519}
 * @param userCaKeys      the User CA's public keys
 */
record NodeIdentity(NodeCredentials credentials, KeyPair hostKey, OpenSshCertificate hostCertificate,
        String hostKeyType, List<PublicKey> userCaKeys) {

    /**
     * @throws IllegalStateException naming what in the credentials cannot be used
     */
    static NodeIdentity of(NodeCredentials credentials) {
        KeyPair hostKey = forSsh(credentials.hostKey());
        String keyType = keyType(hostKey);
        if (keyType == null) {
            throw new IllegalStateException("the node's host key (" + credentials.hostKey().getPublic().getAlgorithm()
                    + ") is not a key type SSH knows");
        }
        PublicKey certificateKey = parse(credentials.hostCertificate(), "the host certificate");
        if (!(certificateKey instanceof OpenSshCertificate certificate)
                || certificate.getType() != OpenSshCertificate.Type.HOST) {
            throw new IllegalStateException("the host certificate is not an OpenSSH host certificate");
        }
        if (!KeyUtils.compareKeys(certificate.getCertPubKey(), hostKey.getPublic())) {
            throw new IllegalStateException("the host certificate certifies another key than the node's host key");
        }
        List<PublicKey> caKeys = new ArrayList<>();
        for (String line : credentials.userCaKeys()) {
            caKeys.add(parse(line, "a User CA key"));
        }
        if (caKeys.isEmpty()) {
            throw new IllegalStateException("the node knows no User CA key, so no user could log in");
        }
        return new NodeIdentity(credentials, hostKey, certificate, keyType, List.copyOf(caKeys));
    }

    /**
     * The key pair as MINA's signatures take it. The agent makes its Ed25519 host key with the JDK, but MINA signs
     * Ed25519 through BouncyCastle (or net.i2p), which wants its own key objects: the same key, re-read from its
     * standard encodings by the provider MINA uses.
     */
    static KeyPair forSsh(KeyPair pair) {
        if (!(pair.getPublic() instanceof EdECKey)) {
            return pair;
        }
        try {
            KeyFactory factory = SecurityUtils.getKeyFactory(SecurityUtils.EDDSA);
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(pair.getPublic().getEncoded())),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded())));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the node's Ed25519 host key cannot be used for SSH (is BouncyCastle "
                    + "installed beside MINA SSHD?): " + e.getMessage(), e);
        }
    }

    private static String keyType(KeyPair pair) {
        try {
            return KeyUtils.getKeyType(pair);
        } catch (RuntimeException e) {
            return null;
        }
    }

    SshTarget target() {
        return new SshTarget(credentials.nodeId(), credentials.nodeName(), credentials.labels());
    }

    String nodeId() {
        return credentials.nodeId();
    }

    String nodeName() {
        return credentials.nodeName();
    }

    boolean isUserCa(PublicKey key) {
        return userCaKeys.stream().anyMatch(ca -> KeyUtils.compareKeys(ca, key));
    }

    private static PublicKey parse(String line, String what) {
        try {
            return PublicKeyEntry.parsePublicKeyEntry(line.strip()).resolvePublicKey(null, null,
                    PublicKeyEntryResolver.FAILING);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(what + " cannot be read: " + e.getMessage(), e);
        }
    }
}
