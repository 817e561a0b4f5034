package org.mezite.proxy.web.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mezite.api.auth.AuthenticatedUser;
import org.mezite.api.auth.Invitation;
import org.mezite.api.auth.LocalAuthenticator;
import org.mezite.api.auth.LocalUserInvites;
import org.mezite.api.auth.LoginResult;
import org.mezite.api.auth.SignupChallenge;
import org.mezite.api.auth.SignupException;

/** Local users that answer what the test tells them to, and remember what they were asked. */
final class FakeLocalUsers implements LocalAuthenticator, LocalUserInvites {

    /** One login as the authenticator saw it; the password is copied before the caller wipes it. */
    record Attempt(String username, String password, String code, String clientAddr) {
    }

    static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    final List<Attempt> logins = new ArrayList<>();
    final List<Attempt> signups = new ArrayList<>();
    volatile LoginResult next = success("alice", List.of("access"), List.of("alice", "root"));
    volatile SignupException signupRefusal;
    final List<char[]> passwordsSeen = new ArrayList<>();

    static LoginResult success(String user, List<String> roles, List<String> logins) {
        return new LoginResult.Success(new AuthenticatedUser(user, roles,
                logins.isEmpty() ? Map.of() : Map.of("logins", logins), LocalAuthenticator.METHOD));
    }

    @Override
    public synchronized LoginResult login(String username, char[] password, String totpCode, String clientAddr) {
        logins.add(new Attempt(username, new String(password), totpCode, clientAddr));
        passwordsSeen.add(password);
        return next;
    }

    @Override
    public Invitation createUser(String username, List<String> roles, Map<String, List<String>> traits,
            String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Invitation resetUser(String username, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SignupChallenge signupChallenge(String token) {
        if (!TOKEN.equals(token)) {
            throw new SignupException(SignupException.Reason.UNKNOWN_TOKEN, "unknown invite token");
        }
        return new SignupChallenge("bob", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                "otpauth://totp/Mezite:bob%40test-cluster?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Mezite",
                Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Override
    public synchronized void signup(String token, char[] password, String totpCode, String clientAddr) {
        signupChallenge(token);
        signups.add(new Attempt(null, new String(password), totpCode, clientAddr));
        passwordsSeen.add(password);
        if (signupRefusal != null) {
            throw signupRefusal;
        }
    }
}
