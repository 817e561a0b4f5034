package org.mezite.proxy.web.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mezite.api.auth.IssuedUserCredentials;
import org.mezite.api.auth.UserCredentialsIssuer;
import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.UserCertificateRequest;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.CaType;
import org.mezite.ca.internal.CertificateAuthorityService;

/**
 * Auth's issuance as the proxy sees it: real certificates from the test CAs for a user whose roles and logins the test
 * sets, or the refusal the test tells it to throw; it remembers what it was asked.
 */
final class FakeCredentialsIssuer implements UserCredentialsIssuer {

    /** One call as the issuer saw it. */
    record Issue(String username, String publicKey, Duration ttl, String actor, String clientAddr) {
    }

    final List<Issue> issued = new ArrayList<>();
    volatile List<String> roles = List.of("access");
    volatile List<String> logins = List.of("alice", "root");
    volatile RuntimeException refusal;
    private final CertificateAuthorityService cas;

    FakeCredentialsIssuer(CertificateAuthorityService cas) {
        this.cas = cas;
    }

    @Override
    public synchronized IssuedUserCredentials issue(String username, String sshPublicKey, Duration ttl, String actor,
            String clientAddr) {
        issued.add(new Issue(username, sshPublicKey, ttl, actor, clientAddr));
        if (refusal != null) {
            throw refusal;
        }
        SshCertificate ssh = cas.sign(new UserCertificateRequest(sshPublicKey, username, roles, logins, Set.of(),
                ttl, Map.of()));
        IssuedX509Certificate x509 = cas.issue(sshPublicKey, new X509CertificateRequest(CaType.USER, username, roles,
                List.of(), List.of(), Set.of(TlsUsage.CLIENT), ttl));
        return new IssuedUserCredentials(username, roles, ssh.principals(), ssh, x509, cas.authority(CaType.HOST));
    }
}
