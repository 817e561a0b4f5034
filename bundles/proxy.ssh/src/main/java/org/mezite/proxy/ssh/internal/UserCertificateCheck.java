package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.mezite.api.access.SshUser;

/**
 * Accepts a key for user authentication only when it is a Mezite user certificate: an OpenSSH user certificate
 * signed by the cluster's user CA, valid now, naming at least one login, whose traits (if any) can be read. The CA's signature itself is verified by
 * MINA's public key authentication, after this check. The SSH user name the client sends plays no part: the
 * certificate says who the user is and which logins they have.
 */
final class UserCertificateCheck {

    static final String EXTENSION_USER = "mezite-user@mezite.org";
    static final String EXTENSION_ROLES = "mezite-roles@mezite.org";

    private final String clusterName;
    private final Supplier<String> userCaKey;
    private final Clock clock;
    private volatile TrustedKey trusted;

    private record TrustedKey(String authorizedKey, PublicKey key) {
    }

    /**
     * @param userCaKey the user CA's public key in authorized_keys format, asked at each check so that a new CA
     *                  takes effect without a restart
     */
    UserCertificateCheck(String clusterName, Supplier<String> userCaKey, Clock clock) {
        this.clusterName = clusterName;
        this.userCaKey = userCaKey;
        this.clock = clock;
    }

    /**
     * @return the user the certificate presents
     * @throws CertificateRefusedException saying why the key is not accepted
     */
    SshUser check(PublicKey key) throws CertificateRefusedException {
        if (!(key instanceof OpenSshCertificate certificate)) {
            throw new CertificateRefusedException("a plain " + KeyUtils.getKeyType(key) + " key ("
                    + KeyUtils.getFingerPrint(key) + ") was offered; the proxy accepts only Mezite user certificates"
                    + " (msh login makes one)", null, null, false);
        }
        String id = "certificate \"" + certificate.getId() + "\" (serial " + Long.toUnsignedString(
                certificate.getSerial()) + ")";
        String username = username(certificate);
        if (certificate.getType() != OpenSshCertificate.Type.USER) {
            throw refused(id + " is a host certificate, not a user certificate", certificate, username);
        }
        PublicKey ca = trustedKey();
        if (!KeyUtils.compareKeys(ca, certificate.getCaPubKey())) {
            throw refused(id + " is not signed by the user CA of cluster \"" + clusterName + "\" ("
                    + KeyUtils.getFingerPrint(ca) + ") but by " + KeyUtils.getFingerPrint(certificate.getCaPubKey()),
                    certificate, username);
        }
        long now = clock.instant().getEpochSecond();
        if (Long.compareUnsigned(now, certificate.getValidAfter()) < 0) {
            throw refused(id + " is not valid before " + instant(certificate.getValidAfter()), certificate,
                    username);
        }
        if (Long.compareUnsigned(now, certificate.getValidBefore()) >= 0) {
            throw refused(id + " expired at " + instant(certificate.getValidBefore()) + "; msh login renews it",
                    certificate, username);
        }
        if (certificate.getPrincipals() == null || certificate.getPrincipals().isEmpty()) {
            throw refused(id + " names no login (it has no principals)", certificate, username);
        }
        Map<String, String> extensions = certificate.getExtensionsMap();
        List<String> roles = new ArrayList<>();
        for (String role : extensions.getOrDefault(EXTENSION_ROLES, "").split(",")) {
            if (!role.isBlank()) {
                roles.add(role.strip());
            }
        }
        Map<String, List<String>> traits;
        try {
            traits = CertificateTraits.parse(extensions.get(CertificateTraits.EXTENSION));
        } catch (IllegalArgumentException e) {
            throw refused(id + " carries traits that cannot be read (" + CertificateTraits.EXTENSION + ": "
                    + e.getMessage() + "); msh login gets a new certificate", certificate, username);
        }
        return new SshUser(username, roles, List.copyOf(certificate.getPrincipals()), extensions.keySet(), traits,
                instant(certificate.getValidBefore()), certificate.getSerial());
    }

    private static String username(OpenSshCertificate certificate) {
        String user = certificate.getExtensionsMap().get(EXTENSION_USER);
        return user != null && !user.isEmpty() ? user : certificate.getId();
    }

    private static CertificateRefusedException refused(String message, OpenSshCertificate certificate,
            String username) {
        return new CertificateRefusedException(message, certificate.getSerial(), username, true);
    }

    /** Seconds since the epoch as OpenSSH stores them (unsigned; all ones means forever). */
    static Instant instant(long epochSeconds) {
        if (epochSeconds < 0 || epochSeconds > Instant.MAX.getEpochSecond()) {
            return Instant.MAX;
        }
        return Instant.ofEpochSecond(epochSeconds);
    }

    private PublicKey trustedKey() throws CertificateRefusedException {
        String line = userCaKey.get();
        TrustedKey known = trusted;
        if (known != null && known.authorizedKey().equals(line)) {
            return known.key();
        }
        try {
            PublicKey key = PublicKeyEntry.parsePublicKeyEntry(line)
                    .resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
            trusted = new TrustedKey(line, key);
            return key;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new CertificateRefusedException("the user CA's public key cannot be read: " + e.getMessage(), null,
                    null, false);
        }
    }
}
