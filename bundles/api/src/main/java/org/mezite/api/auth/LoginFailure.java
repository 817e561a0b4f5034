package org.mezite.api.auth;

/**
 * Why a login was refused. The caller shows {@link LoginResult.Failure#message()} to the user; this tells programs
 * apart what the user reads.
 */
public enum LoginFailure {

    /** Unknown user or wrong password: deliberately one answer, so that callers cannot probe for user names. */
    BAD_CREDENTIALS,

    /** The password was right, the authenticator code was not (or not within 30 seconds of now). */
    WRONG_CODE,

    /** The code was right but has been used before; each code works once. */
    REUSED_CODE,

    /** Too many failed logins; the message says until when. */
    LOCKED,

    /** The user has an invite but has not set a password and enrolled TOTP yet. */
    NO_PASSWORD,

    /** The server could not check the credentials; the details are in the hub's log, not in the message. */
    SERVER_ERROR
}
