package org.mezite.api.auth;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Brings local users in through one-time invites: an administrator creates (or resets) a user, who has no password
 * then, and hands over the invite token; the user redeems it once, within an hour, by choosing a password and
 * enrolling TOTP in one step. Each action is audited ({@code user.create}, {@code user.invite}, {@code user.reset},
 * {@code user.signup}) without tokens, passwords, secrets or codes.
 */
@ProviderType
public interface LocalUserInvites {

    /**
     * Creates a user without a password and invites them.
     *
     * @param actor who does this, for the audit log
     * @throws IllegalArgumentException when the user name is not acceptable; the message says why
     * @throws org.mezite.api.store.ConflictException when the user exists
     */
    Invitation createUser(String username, List<String> roles, Map<String, List<String>> traits, String actor);

    /**
     * Removes the user's password and TOTP enrollment, cancels earlier invites and issues a new one. The user cannot
     * log in until they have signed up again.
     *
     * @param actor who does this, for the audit log
     * @throws org.mezite.api.store.NotFoundException when there is no such user
     */
    Invitation resetUser(String username, String actor);

    /**
     * The first step of signup: checks the invite without using it and gives the TOTP secret to enroll.
     *
     * @throws SignupException when the token is unknown, expired or used
     */
    SignupChallenge signupChallenge(String token);

    /**
     * The second step: sets the password and enrolls TOTP, confirmed by a current code from the secret of
     * {@link #signupChallenge(String)}, and uses up the invite.
     *
     * @param password   the new password; the caller may wipe the array afterwards
     * @param totpCode   a current code from the authenticator
     * @param clientAddr the client's address for the audit log, or {@code null}
     * @throws SignupException when the token is not usable, the password is not acceptable or the code is wrong
     */
    void signup(String token, char[] password, String totpCode, String clientAddr);
}
