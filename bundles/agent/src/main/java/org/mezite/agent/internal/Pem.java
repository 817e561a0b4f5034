package org.mezite.agent.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PEM files of a node's identity: PKCS#8 private keys and X.509 certificates. */
final class Pem {

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final Pattern PUBLIC_KEY = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

    private Pem() {
    }

    static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The private key, then the public key, both PEM: the key file keeps the pair. */
    static String keyPair(KeyPair pair) {
        return encode("PRIVATE KEY", pair.getPrivate().getEncoded()) + encode("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    /**
     * @param algorithm {@code Ed25519} or {@code EC}
     * @throws GeneralSecurityException when the text holds no such key pair
     */
    static KeyPair readKeyPair(String text, String algorithm) throws GeneralSecurityException {
        Matcher privateKey = PRIVATE_KEY.matcher(text);
        Matcher publicKey = PUBLIC_KEY.matcher(text);
        if (!privateKey.find() || !publicKey.find()) {
            throw new GeneralSecurityException("no PEM PRIVATE KEY and PUBLIC KEY in it");
        }
        KeyFactory keys = KeyFactory.getInstance(algorithm);
        PrivateKey privatePart = keys.generatePrivate(new PKCS8EncodedKeySpec(decode(privateKey.group(1))));
        PublicKey publicPart = keys.generatePublic(new X509EncodedKeySpec(decode(publicKey.group(1))));
        return new KeyPair(publicPart, privatePart);
    }

    static String certificates(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                pem.append(encode("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateException e) {
                throw new IllegalStateException("cannot encode " + certificate.getSubjectX500Principal(), e);
            }
        }
        return pem.toString();
    }

    /** @throws CertificateException when the text holds no certificate */
    static List<X509Certificate> readCertificates(String text) throws CertificateException {
        List<X509Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))).stream()
                .map(X509Certificate.class::cast).toList();
        if (certificates.isEmpty()) {
            throw new CertificateException("no PEM certificate in it");
        }
        return certificates;
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64);
    }
}
