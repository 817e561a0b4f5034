package org.mezite.admin.remote.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client certificate and private key the remote admin API calls with, read from the configured files: the
 * certificate as PEM, the key as {@code msh login} writes it (OpenSSH, Ed25519) or as {@code mezite:cert-sign}
 * writes it (PKCS#8 PEM). Every problem names the setting and the file. {@link #toString()} leaves out the key.
 *
 * @param certificate the leaf certificate (what follows it in the file, if anything, is sent too)
 * @param chain       every certificate in the file, leaf first
 * @param key         its private key
 */
record AdminIdentity(X509Certificate certificate, List<X509Certificate> chain, PrivateKey key) {

    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final Pattern OPENSSH = Pattern.compile(
            "-----BEGIN OPENSSH PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END OPENSSH PRIVATE KEY-----");

    AdminIdentity {
        chain = List.copyOf(chain);
    }

    /** @throws IllegalArgumentException naming the setting, the file and the problem */
    static AdminIdentity load(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile, chain.get(0).getPublicKey());
        return new AdminIdentity(chain.get(0), chain, key);
    }

    /** The certificate's subject, e.g. {@code CN=alice,O=editor}: the user whose roles decide. */
    String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> chain;
        try {
            byte[] pem = Files.readAllBytes(file);
            chain = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))
                    .stream().map(X509Certificate.class::cast).toList();
        } catch (IOException e) {
            throw RemoteAdminSettings.invalid("certificate", unreadable(file, e));
        } catch (CertificateException e) {
            throw RemoteAdminSettings.invalid("certificate", file + " is not a PEM certificate: " + e.getMessage());
        }
        if (chain.isEmpty()) {
            throw RemoteAdminSettings.invalid("certificate", "no certificate in " + file);
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file, PublicKey certified) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw RemoteAdminSettings.invalid("key", unreadable(file, e));
        }
        PrivateKey key;
        try {
            Matcher pkcs8 = PKCS8.matcher(pem);
            Matcher openSsh = OPENSSH.matcher(pem);
            if (pkcs8.find()) {
                key = KeyFactory.getInstance(certified.getAlgorithm()).generatePrivate(
                        new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pkcs8.group(1))));
            } else if (openSsh.find()) {
                key = OpenSshPrivateKey.ed25519(Base64.getMimeDecoder().decode(openSsh.group(1)));
            } else {
                throw new GeneralSecurityException(pem.contains("ENCRYPTED") ? "it is encrypted; the hub needs it"
                        + " unencrypted" : "it holds no \"BEGIN PRIVATE KEY\" or \"BEGIN OPENSSH PRIVATE KEY\" block");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw RemoteAdminSettings.invalid("key", file + " is not a usable private key: " + e.getMessage());
        }
        if (!matches(key, certified)) {
            throw RemoteAdminSettings.invalid("key", file + " is not the key of the certificate");
        }
        return key;
    }

    /** Whether the private key signs what the certificate's public key verifies. */
    private static boolean matches(PrivateKey key, PublicKey certified) {
        String algorithm = switch (certified.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> certified.getAlgorithm(); // EdDSA, Ed25519
        };
        byte[] probe = "mezite remote admin key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String unreadable(Path file, IOException e) {
        return e instanceof NoSuchFileException ? file + " does not exist" : "cannot read " + file + ": " + e;
    }

    @Override
    public String toString() {
        return "AdminIdentity[certificate=" + certificate.getSubjectX500Principal() + ", key=****]";
    }
}
