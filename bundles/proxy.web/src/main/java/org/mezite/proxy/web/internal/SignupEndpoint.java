package org.mezite.proxy.web.internal;

import java.util.Arrays;
import java.util.function.Supplier;

import org.mezite.api.auth.LocalUserInvites;
import org.mezite.api.auth.SignupChallenge;
import org.mezite.api.auth.SignupException;

/**
 * {@code GET /v1/signup/{token}} shows the TOTP secret of an invite; {@code POST /v1/signup} sets the password and
 * enrolls TOTP with it. The token is the only credential here; it is never logged.
 */
final class SignupEndpoint {

    private final Supplier<LocalUserInvites> invites;

    /** @param invites the local users' invites, or {@code null} while none are available */
    SignupEndpoint(Supplier<LocalUserInvites> invites) {
        this.invites = invites;
    }

    SignupChallengeResponse challenge(String token) {
        try {
            SignupChallenge challenge = invites().signupChallenge(token);
            return new SignupChallengeResponse(challenge.username(), challenge.totpSecret(), challenge.otpauthUri(),
                    challenge.expiresAt().toString());
        } catch (SignupException e) {
            throw refused(e);
        }
    }

    SignupResponse signup(SignupRequest request, String clientAddr) {
        char[] password = request.password();
        try {
            String token = LoginEndpoint.required("token", request.token());
            if (password == null) {
                throw ApiException.badRequest("password: required");
            }
            String code = LoginEndpoint.required("totp_code", request.totpCode());
            LocalUserInvites local = invites();
            String user = local.signupChallenge(token).username();
            local.signup(token, password, code, clientAddr);
            return new SignupResponse(user);
        } catch (SignupException e) {
            throw refused(e);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private LocalUserInvites invites() {
        LocalUserInvites local = invites.get();
        if (local == null) {
            throw ApiException.unavailable("local users are not available on this hub right now");
        }
        return local;
    }

    private static ApiException refused(SignupException e) {
        return switch (e.reason()) {
            case UNKNOWN_TOKEN -> new ApiException(404, "unknown_token", e.getMessage());
            case EXPIRED_TOKEN -> new ApiException(410, "expired_token", e.getMessage());
            case USED_TOKEN -> new ApiException(410, "used_token", e.getMessage());
            case PASSWORD_REJECTED -> new ApiException(400, "password_rejected", e.getMessage());
            case WRONG_CODE -> new ApiException(401, "wrong_code", e.getMessage());
        };
    }
}
