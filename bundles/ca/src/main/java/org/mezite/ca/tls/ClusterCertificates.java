package org.mezite.ca.tls;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.mezite.api.ca.CaPublicIdentity;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.store.CaType;

/** Checks a peer's certificate against the cluster's CAs. */
public final class ClusterCertificates {

    private final CertificateAuthorities authorities;

    public ClusterCertificates(CertificateAuthorities authorities) {
        this.authorities = authorities;
    }

    /** The name of the cluster whose CAs these are. */
    public String clusterName() {
        return authorities.clusterName();
    }

    /** The certificates of the given CAs, which TLS peers are asked to present a certificate from. */
    public X509Certificate[] authorityCertificates(Set<CaType> types) {
        return authorities.all().stream().filter(ca -> types.contains(ca.type())).map(CaPublicIdentity::certificate)
                .toArray(X509Certificate[]::new);
    }

    /** The cluster CA whose key signed this certificate, if any. */
    public Optional<CaType> issuerOf(X509Certificate certificate) {
        for (CaPublicIdentity ca : authorities.all()) {
            if (!certificate.getIssuerX500Principal().equals(ca.certificate().getSubjectX500Principal())) {
                continue;
            }
            try {
                certificate.verify(ca.certificate().getPublicKey());
                return Optional.of(ca.type());
            } catch (GeneralSecurityException e) {
                // same name, other key: not ours
            }
        }
        return Optional.empty();
    }

    /**
     * The identity in a client certificate of the cluster that is valid at {@code now}.
     *
     * @throws PeerCertificateException saying what is wrong with it
     */
    public ClusterPeer identify(X509Certificate certificate, Instant now) throws PeerCertificateException {
        CaType issuer = issuerOf(certificate).orElseThrow(() -> new PeerCertificateException(
                "the client certificate was not issued by the CA of cluster " + authorities.clusterName()));
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            throw new PeerCertificateException("the client certificate expired at " + notAfter
                    + "; an agent has to join again with a new token");
        }
        if (now.isBefore(notBefore)) {
            throw new PeerCertificateException("the client certificate is not valid before " + notBefore
                    + " (is this host's clock behind?)");
        }
        String commonName = null;
        List<String> organizations = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    commonName = String.valueOf(rdn.getValue());
                } else if ("O".equalsIgnoreCase(rdn.getType())) {
                    organizations.add(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            throw new PeerCertificateException("the client certificate's subject cannot be read: " + e.getMessage());
        }
        if (commonName == null) {
            throw new PeerCertificateException("the client certificate names no subject (CN)");
        }
        return new ClusterPeer(commonName, organizations, issuer, notAfter);
    }
}
