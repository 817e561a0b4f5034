package org.mezite.proxy.web.internal;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configured certificate chain and key from PEM files ({@code tls_cert_file}, {@code tls_key_file}), e.g. from an
 * ACME client. Every problem is reported with the key and the file it concerns.
 */
final class PemIdentity {

    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private PemIdentity() {
    }

    static ServerIdentity load(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile, chain.get(0).getPublicKey());
        return new ServerIdentity(key, chain);
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            factory.generateCertificates(in).forEach(c -> chain.add((X509Certificate) c));
        } catch (IOException e) {
            throw ProxyWebSettings.invalid("tls_cert_file", unreadable(file, e));
        } catch (CertificateException e) {
            throw ProxyWebSettings.invalid("tls_cert_file", file + " is not a PEM certificate chain: "
                    + e.getMessage());
        }
        if (chain.isEmpty()) {
            throw ProxyWebSettings.invalid("tls_cert_file", "no certificate in " + file);
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file, PublicKey certified) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw ProxyWebSettings.invalid("tls_key_file", unreadable(file, e));
        }
        Matcher matcher = PKCS8.matcher(pem);
        if (!matcher.find()) {
            String hint = pem.contains("ENCRYPTED PRIVATE KEY") ? "is encrypted; the hub needs it unencrypted"
                    : pem.contains("BEGIN EC PRIVATE KEY") || pem.contains("BEGIN RSA PRIVATE KEY")
                            ? "is in a legacy format; convert it with: openssl pkcs8 -topk8 -nocrypt -in " + file
                            : "holds no \"BEGIN PRIVATE KEY\" block";
            throw ProxyWebSettings.invalid("tls_key_file", file + " " + hint);
        }
        PrivateKey key;
        try {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
            key = KeyFactory.getInstance(certified.getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw ProxyWebSettings.invalid("tls_key_file", file + " is not a " + certified.getAlgorithm()
                    + " private key, as the certificate's key is: " + e.getMessage());
        }
        if (!matches(key, certified)) {
            throw ProxyWebSettings.invalid("tls_key_file", file + " is not the key of the first certificate in"
                    + " tls_cert_file");
        }
        return key;
    }

    /** Whether the private key signs what the public key verifies. */
    private static boolean matches(PrivateKey key, PublicKey certified) {
        String algorithm = switch (certified.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> certified.getAlgorithm(); // EdDSA, Ed25519, Ed448
        };
        byte[] probe = "mezite proxy key check".getBytes(StandardCharsets.US_ASCII);
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
}
