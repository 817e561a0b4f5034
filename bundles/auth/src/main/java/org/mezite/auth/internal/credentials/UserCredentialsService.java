package org.mezite.auth.internal.credentials;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.LockedException;
import org.mezite.api.access.SessionOptions;
import org.mezite.api.access.UserAccess;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
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
import org.mezite.api.store.CaType;
import org.mezite.api.store.Lock;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.User;
import org.mezite.api.store.UserRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Certifies a user's key with both CAs from what the user's roles allow ({@link AccessChecker#userAccess}): the
 * logins the roles grant become the SSH certificate's principals, both certificates live at most the roles'
 * {@code max_session_ttl}, forwarding is permitted only where the roles' options allow it, and the user's traits
 * travel along for the agents' templates. A lock on the user or one of their roles refuses the certificates, and the
 * refusal is audited. Both certificates are signed before either is audited, so a refusal of the second CA leaves no
 * event for a certificate nobody received.
 */
@Component(service = UserCredentialsIssuer.class)
public final class UserCredentialsService implements UserCredentialsIssuer {

    private final UserRepository users;
    private final AccessChecker access;
    private final UserCertificateSigner sshSigner;
    private final X509CertificateIssuer x509Issuer;
    private final CertificateAuthorities authorities;
    private final CertificateAudit audit;

    @Activate
    public UserCredentialsService(@Reference(name = "users") UserRepository users,
            @Reference(name = "access") AccessChecker access,
            @Reference(name = "sshSigner") UserCertificateSigner sshSigner,
            @Reference(name = "x509Issuer") X509CertificateIssuer x509Issuer,
            @Reference(name = "authorities") CertificateAuthorities authorities,
            @Reference(name = "audit") AuditRecorder audit) {
        this.users = users;
        this.access = access;
        this.sshSigner = sshSigner;
        this.x509Issuer = x509Issuer;
        this.authorities = authorities;
        this.audit = new CertificateAudit(audit);
    }

    /**
     * @throws LockedException when a lock is in force on the user or one of their roles; nothing is issued and the
     *         refusal is audited
     */
    @Override
    public IssuedUserCredentials issue(String username, String sshPublicKey, Duration ttl, String actor,
            String clientAddr) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(actor, "actor");
        User user = users.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("user \"" + username + "\" does not exist"));
        UserAccess allowed = access.userAccess(user.username(), user.roles(), user.traits());
        if (allowed.lock().isPresent()) {
            Lock lock = allowed.lock().get();
            audit.refused(user.username(), actor, clientAddr, "locked", LockedException.describe(lock),
                    new AuditDetails().put("lock_id", lock.id()).put("lock_target", lock.target().toString()));
            throw new LockedException(lock);
        }
        if (allowed.logins().isEmpty()) {
            throw new NoLoginsException(user.username());
        }
        Duration certificateTtl = shorter(ttl, allowed.options().maxSessionTtl());
        SshCertificate ssh = sshSigner.sign(new UserCertificateRequest(sshPublicKey, user.username(), user.roles(),
                allowed.logins(), permissions(allowed.options()), certificateTtl, user.traits()));
        IssuedX509Certificate x509 = x509Issuer.issue(sshPublicKey, new X509CertificateRequest(CaType.USER,
                user.username(), user.roles(), List.of(), List.of(), Set.of(TlsUsage.CLIENT), certificateTtl));
        audit.sshUserCertificate(user.username(), ssh, actor, clientAddr);
        audit.x509ClientCertificate(user.username(), x509, actor, clientAddr);
        return new IssuedUserCredentials(user.username(), user.roles(), ssh.principals(), ssh, x509,
                authorities.authority(CaType.HOST));
    }

    /** What the SSH certificate permits besides a PTY session: only the forwarding the roles' options allow. */
    static Set<UserPermission> permissions(SessionOptions options) {
        Set<UserPermission> permissions = EnumSet.noneOf(UserPermission.class);
        if (options.portForwarding()) {
            permissions.add(UserPermission.PORT_FORWARDING);
        }
        if (options.forwardAgent()) {
            permissions.add(UserPermission.AGENT_FORWARDING);
        }
        return permissions;
    }

    /** The TTL asked for, cut to the roles' maximum; an unusable one is left for the CA to refuse by name. */
    private static Duration shorter(Duration requested, Duration max) {
        return requested != null && requested.compareTo(max) > 0 ? max : requested;
    }
}
