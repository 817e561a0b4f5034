package org.mezite.api.auth;

/**
 * A user cannot have an SSH certificate because none of their roles allows a Unix login (for the preset
 * {@code access} role, their {@code logins} trait is empty): a certificate without principals would be good for every
 * login on an OpenSSH server.
 */
public class NoLoginsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String username;

    public NoLoginsException(String username) {
        super("user " + username + " has no logins: none of their roles allows one (give them logins with"
                + " mezite:user-update " + username + " --logins ... and a role such as access)");
        this.username = username;
    }

    /** The user without logins. */
    public String username() {
        return username;
    }
}
