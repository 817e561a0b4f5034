package org.mezite.ca.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.mezite.api.store.CaType;
import org.mezite.api.store.CertificateAuthority;
import org.mezite.api.store.CertificateAuthorityRepository;
import org.mezite.api.store.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user and host CA of a cluster, loaded from the store and decrypted, or made and stored on first start. A CA that
 * cannot be decrypted stops everything: signing with a new key would silently invalidate every certificate out there.
 */
final class CaKeyring {

    private static final Logger LOG = LoggerFactory.getLogger(CaKeyring.class);

    private final Map<CaType, CaKey> keys;

    private CaKeyring(Map<CaType, CaKey> keys) {
        this.keys = keys;
    }

    CaKey get(CaType type) {
        return keys.get(type);
    }

    /** @throws CaStartupException when a stored CA cannot be used; the message says which and why */
    static CaKeyring loadOrCreate(String clusterName, CertificateAuthorityRepository repository,
            PrivateKeyEnvelope envelope, SecureRandom random) {
        Map<CaType, CaKey> keys = new EnumMap<>(CaType.class);
        for (CaType type : CaType.values()) {
            keys.put(type, loadOrCreate(clusterName, type, repository, envelope, random));
        }
        return new CaKeyring(keys);
    }

    private static CaKey loadOrCreate(String clusterName, CaType type, CertificateAuthorityRepository repository,
            PrivateKeyEnvelope envelope, SecureRandom random) {
        Optional<CertificateAuthority> stored = repository.find(clusterName, type);
        if (stored.isPresent()) {
            return open(stored.get(), envelope);
        }
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(random);
        byte[] pkcs8 = encode(privateKey);
        byte[] sealed;
        try {
            sealed = envelope.seal(pkcs8, context(clusterName, type));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        String publicKey = CaKey.authorizedKey(type, clusterName, CaKey.sshBlob(privateKey.generatePublicKey()));
        try {
            CertificateAuthority created = repository.create(type, clusterName, publicKey, sealed);
            LOG.info("created the {} CA of cluster {}", type.id(), clusterName);
            return new CaKey(type, clusterName, privateKey, created.id(), created.createdAt());
        } catch (ConflictException e) {
            // another Auth instance made it first: use theirs
            CertificateAuthority theirs = repository.find(clusterName, type).orElseThrow(() -> new CaStartupException(
                    "the " + type.id() + " CA of cluster " + clusterName + " was reported as existing but is not"
                            + " there: " + e.getMessage()));
            return open(theirs, envelope);
        }
    }

    private static CaKey open(CertificateAuthority stored, PrivateKeyEnvelope envelope) {
        String what = "the " + stored.type().id() + " CA of cluster " + stored.clusterName();
        byte[] pkcs8;
        try {
            pkcs8 = envelope.open(stored.encryptedPrivateKey(), context(stored.clusterName(), stored.type()));
        } catch (KeyUnwrapException e) {
            throw new CaStartupException("cannot decrypt " + what + ": " + e.getMessage());
        }
        AsymmetricKeyParameter decoded;
        try {
            decoded = PrivateKeyFactory.createKey(pkcs8);
        } catch (IOException | RuntimeException e) {
            throw new CaStartupException(what + " decrypts to something that is not a private key");
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        if (!(decoded instanceof Ed25519PrivateKeyParameters privateKey)) {
            throw new CaStartupException(what + " holds a " + decoded.getClass().getSimpleName()
                    + " key; Mezite CAs are Ed25519");
        }
        CaKey key = new CaKey(stored.type(), stored.clusterName(), privateKey, stored.id(), stored.createdAt());
        byte[] storedBlob = blobOf(stored.publicKey());
        if (!MessageDigest.isEqual(storedBlob, key.sshPublicKey())) {
            throw new CaStartupException(what + ": the stored public key does not belong to the stored private key");
        }
        return key;
    }

    /** The AAD that binds an envelope to its row. */
    static String context(String clusterName, CaType type) {
        return "org.mezite.ca/" + type.id() + "/" + clusterName;
    }

    private static byte[] encode(Ed25519PrivateKeyParameters key) {
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an Ed25519 key: " + e.getMessage(), e);
        }
    }

    private static byte[] blobOf(String authorizedKey) {
        String[] parts = authorizedKey.strip().split("\\s+");
        try {
            return parts.length < 2 ? new byte[0] : Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
