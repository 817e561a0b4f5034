package org.mezite.proxy.web.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.mezite.api.auth.AuthenticatedUser;
import org.mezite.api.auth.LocalAuthenticator;
import org.mezite.api.auth.LoginFailure;
import org.mezite.api.auth.LoginResult;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.ca.InvalidCertificateRequestException;
import org.mezite.api.ca.IssuedX509Certificate;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.ca.TlsUsage;
import org.mezite.api.ca.UserCertificateRequest;
import org.mezite.api.ca.UserCertificateSigner;
import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.api.store.CaType;
import org.mezite.api.store.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/login}: password and TOTP code for an OpenSSH user certificate and an X.509 client certificate on
 * the caller's public key. The request is checked before the credentials, so that a malformed key or TTL never uses
 * up an authenticator code. Every refusal is a 401 with the authenticator's own message; an unknown user and a wrong
 * password read the same. Until RBAC exists the certificate's principals are the user's {@code logins} trait and it
 * grants nothing beyond a PTY session.
 */
final class LoginEndpoint {

    static final Duration DEFAULT_TTL = Duration.ofHours(12);
    private static final Logger LOG = LoggerFactory.getLogger(LoginEndpoint.class);

    private final Supplier<LocalAuthenticator> authenticator;
    private final UserCertificateSigner sshSigner;
    private final X509CertificateIssuer x509Issuer;
    private final CertificateAuthorities authorities;
    private final CertificateAudit audit;

    /** @param authenticator the local users, or {@code null} while none are available */
    LoginEndpoint(Supplier<LocalAuthenticator> authenticator, UserCertificateSigner sshSigner,
            X509CertificateIssuer x509Issuer, CertificateAuthorities authorities, CertificateAudit audit) {
        this.authenticator = authenticator;
        this.sshSigner = sshSigner;
        this.x509Issuer = x509Issuer;
        this.authorities = authorities;
        this.audit = audit;
    }

    LoginResponse login(LoginRequest request, String clientAddr) {
        char[] password = request.password();
        try {
            String user = required("user", request.user());
            if (password == null) {
                throw ApiException.badRequest("password: required");
            }
            String code = required("totp_code", request.totpCode());
            String publicKey = SshPublicKeys.requireEd25519("public_key", request.publicKey());
            Duration ttl = request.ttl() == null || request.ttl().isBlank() ? DEFAULT_TTL
                    : Ttl.parse("ttl", request.ttl());
            LocalAuthenticator local = authenticator.get();
            if (local == null) {
                throw ApiException.unavailable("local users are not available on this hub right now");
            }
            LoginResult result = local.login(user, password, code, clientAddr);
            if (result instanceof LoginResult.Failure failure) {
                throw refused(failure);
            }
            return certify(((LoginResult.Success) result).user(), publicKey, ttl, clientAddr);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private LoginResponse certify(AuthenticatedUser user, String publicKey, Duration ttl, String clientAddr) {
        List<String> logins = user.traits().getOrDefault(User.LOGINS_TRAIT, List.of());
        if (logins.isEmpty()) {
            throw new ApiException(403, "no_logins", "user " + user.username() + " has no logins to use on servers:"
                    + " an administrator can give some (mezite:user-add ... --logins NAME,...)");
        }
        SshCertificate ssh;
        IssuedX509Certificate x509;
        try {
            ssh = sshSigner.sign(new UserCertificateRequest(publicKey, user.username(), user.roles(), logins,
                    Set.of(), ttl));
            x509 = x509Issuer.issue(publicKey, new X509CertificateRequest(CaType.USER, user.username(),
                    user.roles(), List.of(), List.of(), Set.of(TlsUsage.CLIENT), ttl));
        } catch (InvalidCertificateRequestException e) {
            // the request was checked, so what is left is the user's own data (name, roles, logins)
            LOG.error("cannot certify user {}: {}", user.username(), e.getMessage());
            throw new ApiException(500, "certificate_refused", "the CA refused to certify user " + user.username()
                    + " (" + e.getMessage() + "); an administrator can find this in the hub's log");
        }
        audit.sshUserCertificate(user.username(), ssh, clientAddr);
        audit.x509ClientCertificate(user.username(), x509, clientAddr);
        return new LoginResponse(ssh.authorizedKey(), x509.certificatePem(),
                authorities.authority(CaType.HOST).authorizedKey(), authorities.clusterName(), user.username(),
                user.roles(), ssh.principals(), ssh.validBefore().toString());
    }

    private static ApiException refused(LoginResult.Failure failure) {
        String code = failure.reason().name().toLowerCase(Locale.ROOT);
        int status = failure.reason() == LoginFailure.SERVER_ERROR ? 500 : 401;
        return new ApiException(status, code, failure.message());
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + ": required");
        }
        return value;
    }
}
