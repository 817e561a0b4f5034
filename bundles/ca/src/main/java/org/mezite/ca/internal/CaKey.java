package org.mezite.ca.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcEdECContentSignerBuilder;
import org.mezite.api.ca.CaPublicIdentity;
import org.mezite.api.store.CaType;

/**
 * One CA's Ed25519 key in memory, with what is derived from it: the SSH public key, the self-signed X.509 certificate
 * and the published identity. Only this class touches the private key, and nothing returns it.
 */
final class CaKey {

    static final String SSH_KEY_TYPE = "ssh-ed25519";
    private static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
    /** RFC 5280 4.1.2.5: "no well-defined expiration date". A CA lives as long as its key; rotation replaces it. */
    private static final Instant NO_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    private final CaType type;
    private final String clusterName;
    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] sshPublicKey;
    private final X500Name subject;
    private final SubjectPublicKeyInfo spki;
    private final X509Certificate certificate;
    private final CaPublicIdentity identity;

    /**
     * @param privateKey the CA's key
     * @param id         the stored CA's id; seeds the certificate serial so that the same key always yields the same
     *                   certificate (and pin)
     * @param createdAt  when the CA was made: the certificate's start of validity
     */
    CaKey(CaType type, String clusterName, Ed25519PrivateKeyParameters privateKey, String id, Instant createdAt) {
        this.type = type;
        this.clusterName = clusterName;
        this.privateKey = privateKey;
        Ed25519PublicKeyParameters publicKey = privateKey.generatePublicKey();
        this.sshPublicKey = sshBlob(publicKey);
        this.subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, clusterName)
                .addRDN(BCStyle.CN, "Mezite " + type.id() + " CA").build();
        this.spki = new SubjectPublicKeyInfo(ED25519, publicKey.getEncoded());
        this.certificate = selfSign(id, createdAt == null ? Instant.EPOCH : createdAt);
        this.identity = new CaPublicIdentity(type, clusterName, authorizedKey(), Fingerprints.ssh(sshPublicKey),
                certificate, pem(certificate), Fingerprints.tlsPin(certificate.getPublicKey().getEncoded()));
    }

    CaType type() {
        return type;
    }

    String clusterName() {
        return clusterName;
    }

    /** The public key in SSH wire format. */
    byte[] sshPublicKey() {
        return sshPublicKey.clone();
    }

    /** The public key as stored and published: authorized_keys format with a comment naming the CA. */
    String authorizedKey() {
        return authorizedKey(type, clusterName, sshPublicKey);
    }

    static String authorizedKey(CaType type, String clusterName, byte[] sshBlob) {
        return SSH_KEY_TYPE + " " + Base64.getEncoder().encodeToString(sshBlob) + " " + clusterName + " "
                + type.id() + " CA";
    }

    /** An Ed25519 public key in SSH wire format. */
    static byte[] sshBlob(Ed25519PublicKeyParameters publicKey) {
        return new SshWriter().string(SSH_KEY_TYPE).string(publicKey.getEncoded()).toByteArray();
    }

    X500Name subject() {
        return subject;
    }

    SubjectPublicKeyInfo subjectPublicKeyInfo() {
        return spki;
    }

    X509Certificate certificate() {
        return certificate;
    }

    CaPublicIdentity identity() {
        return identity;
    }

    /** Signs {@code data} and returns the signature in SSH format: {@code string "ssh-ed25519", string sig}. */
    byte[] sshSignature(byte[] data) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(data, 0, data.length);
        return new SshWriter().string(SSH_KEY_TYPE).string(signer.generateSignature()).toByteArray();
    }

    /** Signs X.509 structures; one per certificate (content signers keep state). */
    ContentSigner x509Signer() {
        try {
            return new BcEdECContentSignerBuilder(ED25519).build(privateKey);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with Ed25519: " + e.getMessage(), e);
        }
    }

    private X509Certificate selfSign(String id, Instant createdAt) {
        byte[] digest = Fingerprints.sha256(("mezite-ca-certificate:" + id).getBytes(StandardCharsets.UTF_8));
        BigInteger serial = new BigInteger(1, Arrays.copyOf(digest, 16));
        Instant notBefore = createdAt.truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        try {
            BcX509ExtensionUtils extensions = new BcX509ExtensionUtils();
            X509CertificateHolder holder = new X509v3CertificateBuilder(subject, serial, Date.from(notBefore),
                    Date.from(NO_EXPIRY), subject, spki)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(spki))
                    .build(x509Signer());
            return toX509(holder);
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the " + type.id() + " CA certificate: " + e.getMessage(), e);
        }
    }

    static X509Certificate toX509(X509CertificateHolder holder) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (CertificateException e) {
            throw new IOException("the JVM does not read the certificate it was given: " + e.getMessage(), e);
        }
    }

    static String pem(X509Certificate certificate) {
        try {
            return Pem.encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "CaKey[" + type.id() + " CA of cluster " + clusterName + ", " + identity.sshFingerprint() + "]";
    }
}
