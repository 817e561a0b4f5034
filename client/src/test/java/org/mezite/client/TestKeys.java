package org.mezite.client;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.mezite.api.ca.HostCertificateRequest;
import org.mezite.api.store.CaType;
import org.mezite.ca.internal.CertificateAuthorityService;

/** Host keys and CA-signed host certificates for the tests' SSH servers, and the user CA's key to check users by. */
final class TestKeys {

    private TestKeys() {
    }

    static KeyPair ed25519() {
        SshLibrary.configure();
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String authorizedKey(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    static PublicKey parse(String authorizedKey) {
        SshLibrary.configure();
        try {
            return PublicKeyEntry.parsePublicKeyEntry(authorizedKey.strip()).resolvePublicKey(null, Map.of(),
                    PublicKeyEntryResolver.FAILING);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A host certificate from the cluster's host CA: principals id, hostname, then the other names. */
    static OpenSshCertificate hostCertificate(CertificateAuthorityService cas, KeyPair hostKey, String id,
            String hostname, List<String> otherNames) {
        String certificate = cas.sign(new HostCertificateRequest(authorizedKey(hostKey.getPublic()), id, hostname,
                otherNames, Duration.ofHours(1))).authorizedKey();
        return (OpenSshCertificate) parse(certificate);
    }

    static PublicKey userCa(CertificateAuthorityService cas) {
        return parse(cas.authority(CaType.USER).authorizedKey());
    }

    /** Whether a key is a valid user certificate of the user CA for this login. */
    static boolean userCertificateFor(PublicKey userCa, String login, PublicKey key) {
        return key instanceof OpenSshCertificate certificate
                && certificate.getType() == OpenSshCertificate.Type.USER
                && org.apache.sshd.common.config.keys.KeyUtils.compareKeys(certificate.getCaPubKey(), userCa)
                && certificate.getPrincipals().contains(login) && OpenSshCertificate.isValidNow(certificate);
    }
}
