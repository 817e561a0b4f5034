package org.mezite.proxy.web.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import org.mezite.api.access.LockedException;
import org.mezite.api.auth.AuthenticatedUser;
import org.mezite.api.auth.IssuedUserCredentials;
import org.mezite.api.auth.LocalAuthenticator;
import org.mezite.api.auth.LoginFailure;
import org.mezite.api.auth.LoginResult;
import org.mezite.api.auth.NoLoginsException;
import org.mezite.api.auth.UserCredentialsIssuer;
import org.mezite.api.ca.InvalidCertificateRequestException;
import org.mezite.api.store.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/login}: password and TOTP code for an OpenSSH user certificate and an X.509 client certificate on
 * the caller's public key, issued by Auth's {@link UserCredentialsIssuer}. The request is checked before the
 * credentials, so that a malformed key or TTL never uses up an authenticator code. Every refusal of the credentials
 * is a 401 with the authenticator's own message; an unknown user and a wrong password read the same. A user whose
 * credentials were good but who may have no certificates gets a 403: {@code locked} with the lock's message while a
 * lock is in force on them or one of their roles, {@code no_logins} when their roles allow no login.
 */
final class LoginEndpoint {

    static final Duration DEFAULT_TTL = Duration.ofHours(12);
    private static final Logger LOG = LoggerFactory.getLogger(LoginEndpoint.class);

    private final Supplier<LocalAuthenticator> authenticator;
    private final Supplier<UserCredentialsIssuer> issuer;

    /**
     * @param authenticator the local users, or {@code null} while none are available
     * @param issuer        Auth's certificate issuance, or {@code null} while it is not available
     */
    LoginEndpoint(Supplier<LocalAuthenticator> authenticator, Supplier<UserCredentialsIssuer> issuer) {
        this.authenticator = authenticator;
        this.issuer = issuer;
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
            // checked before the login too, so that a code is not used up for nothing
            UserCredentialsIssuer credentials = issuer.get();
            if (credentials == null) {
                throw ApiException.unavailable("the Auth service does not issue certificates on this hub right now");
            }
            LoginResult result = local.login(user, password, code, clientAddr);
            if (result instanceof LoginResult.Failure failure) {
                throw refused(failure);
            }
            return certify(credentials, ((LoginResult.Success) result).user(), publicKey, ttl, clientAddr);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static LoginResponse certify(UserCredentialsIssuer credentials, AuthenticatedUser user, String publicKey,
            Duration ttl, String clientAddr) {
        IssuedUserCredentials issued;
        try {
            issued = credentials.issue(user.username(), publicKey, ttl, user.username(), clientAddr);
        } catch (LockedException e) {
            LOG.info("login of user {} refused: {}", user.username(), e.getMessage());
            throw new ApiException(403, "locked", e.getMessage());
        } catch (NoLoginsException e) {
            throw new ApiException(403, "no_logins", "user " + user.username() + " has no logins to use on servers:"
                    + " an administrator can give some (mezite:user-add ... --logins NAME,...)");
        } catch (NotFoundException e) {
            // removed between the password check and now
            throw new ApiException(401, "unknown_user", "user " + user.username() + " does not exist any more");
        } catch (InvalidCertificateRequestException e) {
            // the request was checked, so what is left is the user's own data (name, roles, logins)
            LOG.error("cannot certify user {}: {}", user.username(), e.getMessage());
            throw new ApiException(500, "certificate_refused", "the CA refused to certify user " + user.username()
                    + " (" + e.getMessage() + "); an administrator can find this in the hub's log");
        }
        return new LoginResponse(issued.sshCertificate().authorizedKey(), issued.x509().certificatePem(),
                issued.hostCa().authorizedKey(), issued.hostCa().clusterName(), issued.username(), issued.roles(),
                issued.logins(), issued.expiresAt().toString());
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
