package org.mezite.auth.internal.credentials;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.mezite.api.auth.IssuedUserCredentials;
import org.mezite.api.auth.NoLoginsException;
import org.mezite.api.auth.UserCredentialsIssuer;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.UserCertificateRequest;
import org.mezite.api.ca.UserCertificateSigner;
import org.mezite.api.ca.UserPermission;
import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.AuditEventRepository;
import org.mezite.api.store.CaType;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.User;
import org.mezite.api.store.UserRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Certifies a user's key with both CAs from the user's stored roles and logins. Until RBAC exists the SSH certificate
 * grants a PTY session and forwarding. Both certificates are signed before either is audited, so a refusal of the
 * second CA leaves no event for a certificate nobody received.
 */
@Component(service = UserCredentialsIssuer.class)
public final class UserCredentialsService implements UserCredentialsIssuer {

    /**
     * Until roles decide what a user may do, every certificate allows port and agent forwarding, as Teleport's preset
     * access role does; the agent still asks its access checker before it forwards anything.
     */
    static final Set<UserPermission> FORWARDING_UNTIL_ROLES_DECIDE = Set.of(UserPermission.PORT_FORWARDING,
            UserPermission.AGENT_FORWARDING);

    private final UserRepository users;
    private final UserCertificateSigner sshSigner;
    private final X509CertificateIssuer x509Issuer;
    private final CertificateAuthorities authorities;
    private final CertificateAudit audit;

    @Activate
    public UserCredentialsService(@Reference(name = "users") UserRepository users,
            @Reference(name = "sshSigner") UserCertificateSigner sshSigner,
            @Reference(name = "x509Issuer") X509CertificateIssuer x509Issuer,
            @Reference(name = "authorities") CertificateAuthorities authorities,
            @Reference(name = "audit") AuditEventRepository audit) {
        this.users = users;
        this.sshSigner = sshSigner;
        this.x509Issuer = x509Issuer;
        this.authorities = authorities;
        this.audit = new CertificateAudit(audit);
    }

    @Override
    public IssuedUserCredentials issue(String username, String sshPublicKey, Duration ttl, String actor,
            String clientAddr) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(actor, "actor");
        User user = users.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("user \"" + username + "\" does not exist"));
        List<String> logins = user.logins();
        if (logins.isEmpty()) {
            throw new NoLoginsException(user.username());
        }
        SshCertificate ssh = sshSigner.sign(new UserCertificateRequest(sshPublicKey, user.username(), user.roles(),
                logins, FORWARDING_UNTIL_ROLES_DECIDE, ttl));
        IssuedX509Certificate x509 = x509Issuer.issue(sshPublicKey, new X509CertificateRequest(CaType.USER,
                user.username(), user.roles(), List.of(), List.of(), Set.of(TlsUsage.CLIENT), ttl));
        audit.sshUserCertificate(user.username(), ssh, actor, clientAddr);
        audit.x509ClientCertificate(user.username(), x509, actor, clientAddr);
        return new IssuedUserCredentials(user.username(), user.roles(), ssh.principals(), ssh, x509,
                authorities.authority(CaType.HOST));
    }
}
