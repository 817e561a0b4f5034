package org.mezite.ca.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.util.IPAddress;
import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.TlsIdentity;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.CaType;

/** Leaf X.509 certificates from the CAs' keys, for mutual TLS. */
final class X509Certificates implements X509CertificateIssuer {

    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    /** RFC 5280's upper bound on a CN. */
    private static final int MAX_COMMON_NAME = 64;

    private final Function<CaType, CaKey> cas;
    private final Function<CaType, Duration> maxTtl;
    private final Clock clock;
    private final SecureRandom random;

    X509Certificates(Function<CaType, CaKey> cas, Function<CaType, Duration> maxTtl, Clock clock,
            SecureRandom random) {
        this.cas = cas;
        this.maxTtl = maxTtl;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public IssuedX509Certificate issue(String publicKey, X509CertificateRequest request) {
        RequestChecks.required("request", request);
        SubjectPublicKey key = SubjectPublicKey.parse("publicKey", publicKey);
        if (key.spki() == null) {
            throw RequestChecks.invalid("publicKey", "\"" + key.type() + "\" keys live on security keys, which"
                    + " cannot do TLS; use an Ed25519, ECDSA or RSA key");
        }
        return issue(key.spki(), request, key.type().equals("ssh-rsa"));
    }

    @Override
    public TlsIdentity generate(X509CertificateRequest request) {
        RequestChecks.required("request", request);
        check(request); // before the key is made
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an ECDSA P-256 key in this JVM: " + e.getMessage(), e);
        }
        IssuedX509Certificate certificate = issue(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()),
                request, false);
        return new TlsIdentity(pair.getPrivate(), Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()),
                certificate);
    }

    private IssuedX509Certificate issue(SubjectPublicKeyInfo spki, X509CertificateRequest request, boolean rsa) {
        Duration ttl = check(request);
        CaKey ca = cas.apply(request.authority());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
        for (String organization : request.organizations()) {
            subject.addRDN(BCStyle.O, organization);
        }
        subject.addRDN(BCStyle.CN, request.commonName());

        List<GeneralName> names = new ArrayList<>();
        request.dnsNames().forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
        request.ipAddresses().forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        List<KeyPurposeId> purposes = new ArrayList<>();
        if (request.usages().contains(TlsUsage.SERVER)) {
            purposes.add(KeyPurposeId.id_kp_serverAuth);
        }
        if (request.usages().contains(TlsUsage.CLIENT)) {
            purposes.add(KeyPurposeId.id_kp_clientAuth);
        }
        // keyEncipherment only for RSA, where TLS 1.2 RSA key exchange may use it
        int keyUsage = KeyUsage.digitalSignature | (rsa ? KeyUsage.keyEncipherment : 0);
        try {
            BcX509ExtensionUtils extensions = new BcX509ExtensionUtils();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(ca.subject(), serial(),
                    Date.from(now.minus(UserCertificates.BACKDATE)), Date.from(now.plus(ttl)), subject.build(), spki)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(spki))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(ca.subjectPublicKeyInfo()));
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            X509Certificate certificate = CaKey.toX509(builder.build(ca.x509Signer()));
            String leafPem = CaKey.pem(certificate);
            return new IssuedX509Certificate(certificate, ca.certificate(), leafPem,
                    leafPem + ca.identity().certificatePem());
        } catch (IOException e) {
            throw new IllegalStateException("cannot build an X.509 certificate for " + request.commonName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** @return the TTL to use */
    private Duration check(X509CertificateRequest request) {
        RequestChecks.required("authority", request.authority());
        String commonName = RequestChecks.name("commonName", request.commonName());
        if (commonName.length() > MAX_COMMON_NAME) {
            throw RequestChecks.invalid("commonName", "is longer than " + MAX_COMMON_NAME + " characters");
        }
        request.organizations().forEach(o -> RequestChecks.name("organizations", o));
        for (String name : request.dnsNames()) {
            if (name.length() > 253 || !DNS_NAME.matcher(name).matches()) {
                throw RequestChecks.invalid("dnsNames", "\"" + SubjectPublicKey.printable(name)
                        + "\" is not a DNS name");
            }
        }
        for (String ip : request.ipAddresses()) {
            if (!IPAddress.isValid(ip)) {
                throw RequestChecks.invalid("ipAddresses", "\"" + SubjectPublicKey.printable(ip)
                        + "\" is not an IP address");
            }
        }
        Set<TlsUsage> usages = request.usages();
        if (usages.isEmpty()) {
            throw RequestChecks.invalid("usages", "at least one of SERVER, CLIENT is required");
        }
        return RequestChecks.ttl("ttl", request.ttl(), maxTtl.apply(request.authority()));
    }

    /** Random and positive, 127 bits: unguessable, and well within X.509's 20 octets. */
    private BigInteger serial() {
        return new BigInteger(127, random).setBit(126);
    }
}
