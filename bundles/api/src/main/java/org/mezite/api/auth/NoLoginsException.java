package org.mezite.api.auth;

/**
 * A user cannot have an SSH certificate because they have no Unix logins (the {@code logins} trait is empty): a
 * certificate without principals would be good for every login on an OpenSSH server.
 */
public class NoLoginsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String username;

    public NoLoginsException(String username) {
        super("user " + username + " has no logins (set them with mezite:user-add --logins ...)");
        this.username = username;
    }

    /** The user without logins. */
    public String username() {
        return username;
    }
}
