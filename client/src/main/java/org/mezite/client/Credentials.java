package org.mezite.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * What msh logged in with, read back from its directory: the profile, the private key and the SSH certificate
 * for it. Loading fails with what to do next when there is no login or it has expired.
 *
 * @param profile     the profile
 * @param keyFile     the private key's file
 * @param certified   the private key with the certificate as its public half, as SSH authenticates with it
 * @param plain       the private key with its plain public key
 * @param certificate what the certificate says
 */
record Credentials(Profile profile, Path keyFile, KeyPair certified, KeyPair plain,
        SshCertificateInfo certificate) {

    /** @throws MshException when not logged in, expired, or the files are damaged */
    static Credentials load(MshHome home, Instant now) {
        Profile profile = Profile.read(home.profile())
                .orElseThrow(() -> MshException.failed("not logged in; run msh login"));
        Path key = home.dir().resolve(profile.key()).normalize();
        MshHome.KeyFiles files = MshHome.KeyFiles.of(key);
        String certificateLine;
        try {
            certificateLine = Files.readString(files.certificate(), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw MshException.failed("not logged in: " + files.certificate() + " is gone; run msh login");
        } catch (IOException e) {
            throw MshException.failed("cannot read " + files.certificate() + ": " + e.getMessage());
        }
        SshCertificateInfo info;
        try {
            info = SshCertificateInfo.parse(certificateLine);
        } catch (IllegalArgumentException e) {
            throw MshException.failed(files.certificate() + " is not a certificate msh can read (" + e.getMessage()
                    + "); run msh login");
        }
        if (info.expiredAt(now)) {
            throw MshException.failed("your login to " + profile.cluster() + " expired at "
                    + Times.format(info.validBefore()) + "; run msh login");
        }
        SshLibrary.configure();
        KeyPair plain = readKey(key);
        PublicKey certificate;
        try {
            certificate = PublicKeyEntry.parsePublicKeyEntry(certificateLine).resolvePublicKey(null, Map.of(),
                    PublicKeyEntryResolver.FAILING);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw MshException.failed(files.certificate() + " cannot be read: " + e.getMessage() + "; run msh login");
        }
        if (!(certificate instanceof OpenSshCertificate cert)
                || !KeyUtils.compareKeys(cert.getCertPubKey(), plain.getPublic())) {
            throw MshException.failed(files.certificate() + " is not the certificate of " + key + "; run msh login");
        }
        return new Credentials(profile, key, new KeyPair(certificate, plain.getPrivate()), plain, info);
    }

    private static KeyPair readKey(Path key) {
        try (InputStream in = Files.newInputStream(key)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(key.toString()),
                    in, null);
            Iterator<KeyPair> first = pairs == null ? null : pairs.iterator();
            if (first == null || !first.hasNext()) {
                throw MshException.failed(key + " holds no key; run msh login");
            }
            return first.next();
        } catch (NoSuchFileException e) {
            throw MshException.failed("not logged in: " + key + " is gone; run msh login");
        } catch (IOException | GeneralSecurityException e) {
            throw MshException.failed("cannot read the key " + key + ": " + e.getMessage());
        }
    }

    String cluster() {
        return profile.cluster();
    }

    /** The Mezite user name, which is also the user name at the proxy. */
    String user() {
        return profile.user();
    }

    /** The login to use when none is given: the certificate's first principal. */
    String defaultLogin() {
        if (certificate.principals().isEmpty()) {
            throw MshException.failed("your certificate allows no logins; ask an administrator for a role with"
                    + " logins, then run msh login");
        }
        return certificate.principals().get(0);
    }

    ProxyAddress proxySsh() {
        return profile.sshAddress();
    }
}
