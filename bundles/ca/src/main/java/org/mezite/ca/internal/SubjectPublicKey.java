package org.mezite.ca.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.mezite.api.ca.InvalidCertificateRequestException;

/**
 * A public key sent to be certified, checked field by field: a certificate embeds the key's fields verbatim, so a key
 * that OpenSSH would not parse must not get that far.
 *
 * @param type      the key type, e.g. {@code ssh-ed25519}
 * @param blob      the key in SSH wire format
 * @param keyFields the blob after its type string: what a certificate carries after its nonce
 * @param spki      the key as X.509 SubjectPublicKeyInfo; null for security-key types, which TLS cannot use
 */
record SubjectPublicKey(String type, byte[] blob, byte[] keyFields, SubjectPublicKeyInfo spki) {

    static final int MIN_RSA_BITS = 2048;
    private static final String SUPPORTED = "ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-rsa (" + MIN_RSA_BITS
            + " bits or more), sk-ssh-ed25519@openssh.com or sk-ecdsa-sha2-nistp256@openssh.com";
    private static final Map<String, String> CURVES = Map.of("nistp256", "P-256", "nistp384", "P-384", "nistp521",
            "P-521");
    private static final Map<String, ASN1ObjectIdentifier> CURVE_OIDS = Map.of("nistp256",
            SECObjectIdentifiers.secp256r1, "nistp384", SECObjectIdentifiers.secp384r1, "nistp521",
            SECObjectIdentifiers.secp521r1);

    /** OpenSSH's name for a certificate of this key type. */
    String certificateType() {
        int at = type.indexOf('@');
        return at < 0 ? type + "-cert-v01@openssh.com" : type.substring(0, at) + "-cert-v01@openssh.com";
    }

    /**
     * Parses {@code TYPE BASE64 [COMMENT]} as in authorized_keys files and {@code .pub} files.
     *
     * @param field the request field, named in errors
     */
    static SubjectPublicKey parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw invalid(field, "a public key is required (e.g. the content of ~/.ssh/id_ed25519.pub)");
        }
        String[] parts = text.strip().split("\\s+", 3);
        if (parts.length < 2) {
            throw invalid(field, "expected \"TYPE BASE64 [COMMENT]\" as in a .pub file");
        }
        String declared = parts[0];
        if (declared.contains("-cert-v01@openssh.com")) {
            throw invalid(field, "\"" + printable(declared) + "\" is a certificate; send the plain public key");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "the key is not valid base64");
        }
        try {
            SshReader reader = new SshReader(blob);
            String type = reader.utf8();
            if (!type.equals(declared)) {
                throw invalid(field, "the key says it is \"" + printable(type) + "\" but is labelled \""
                        + printable(declared) + "\"");
            }
            int fieldsStart = reader.position();
            SubjectPublicKeyInfo spki = readFields(field, type, reader);
            if (!reader.atEnd()) {
                throw new MalformedKeyException("extra bytes after the key");
            }
            return new SubjectPublicKey(type, blob, Arrays.copyOfRange(blob, fieldsStart, blob.length), spki);
        } catch (MalformedKeyException e) {
            throw invalid(field, "malformed " + printable(declared) + " key: " + e.getMessage());
        }
    }

    private static SubjectPublicKeyInfo readFields(String field, String type, SshReader reader) {
        switch (type) {
            case "ssh-ed25519": {
                byte[] point = ed25519Point(reader);
                return new SubjectPublicKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), point);
            }
            case "sk-ssh-ed25519@openssh.com":
                ed25519Point(reader);
                application(reader);
                return null;
            case "ecdsa-sha2-nistp256":
            case "ecdsa-sha2-nistp384":
            case "ecdsa-sha2-nistp521": {
                String curve = type.substring("ecdsa-sha2-".length());
                byte[] point = ecPoint(reader, curve);
                return new SubjectPublicKeyInfo(
                        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, CURVE_OIDS.get(curve)), point);
            }
            case "sk-ecdsa-sha2-nistp256@openssh.com":
                ecPoint(reader, "nistp256");
                application(reader);
                return null;
            case "ssh-rsa": {
                BigInteger exponent = reader.mpint();
                BigInteger modulus = reader.mpint();
                if (modulus.bitLength() < MIN_RSA_BITS) {
                    throw invalid(field, "RSA keys need " + MIN_RSA_BITS + " bits or more, this one has "
                            + modulus.bitLength());
                }
                if (!exponent.testBit(0) || exponent.compareTo(BigInteger.valueOf(3)) < 0) {
                    throw new MalformedKeyException("the RSA exponent is not an odd number of at least 3");
                }
                try {
                    return new SubjectPublicKeyInfo(
                            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                            new RSAPublicKey(modulus, exponent));
                } catch (IOException e) {
                    throw new MalformedKeyException("the RSA key does not encode: " + e.getMessage());
                }
            }
            default:
                throw invalid(field, "unsupported key type \"" + printable(type) + "\"; use " + SUPPORTED);
        }
    }

    private static byte[] ed25519Point(SshReader reader) {
        byte[] point = reader.string();
        if (point.length != 32) {
            throw new MalformedKeyException("an Ed25519 key has 32 bytes, this one " + point.length);
        }
        return point;
    }

    private static byte[] ecPoint(SshReader reader, String curve) {
        String named = reader.utf8();
        if (!named.equals(curve)) {
            throw new MalformedKeyException("curve \"" + printable(named) + "\" where " + curve + " belongs");
        }
        byte[] point = reader.string();
        if (point.length == 0 || point[0] != 4) {
            throw new MalformedKeyException("the point is not in uncompressed form");
        }
        try {
            ECNamedCurveTable.getByName(CURVES.get(curve)).getCurve().decodePoint(point);
        } catch (IllegalArgumentException e) {
            throw new MalformedKeyException("the point is not on " + curve);
        }
        return point;
    }

    private static void application(SshReader reader) {
        String application = reader.utf8();
        if (!application.startsWith("ssh:")) {
            throw new MalformedKeyException("the security key's application does not start with \"ssh:\"");
        }
    }

    /** The text for an error message: at most 60 characters, control characters replaced. */
    static String printable(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        StringBuilder out = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    private static InvalidCertificateRequestException invalid(String field, String problem) {
        return new InvalidCertificateRequestException(field + ": " + problem);
    }

    /** The key as one line of a .pub file, without comment. */
    String authorizedKey() {
        return type + " " + Base64.getEncoder().encodeToString(blob);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubjectPublicKey k && Arrays.equals(blob, k.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return "SubjectPublicKey[" + authorizedKey() + "]";
    }
}
