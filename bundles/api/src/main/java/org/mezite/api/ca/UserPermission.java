package org.mezite.api.ca;

/**
 * What a user certificate allows beyond an interactive session ({@code permit-pty}, always granted). Each maps to an
 * OpenSSH certificate extension.
 */
public enum UserPermission {
    PORT_FORWARDING("permit-port-forwarding"),
    AGENT_FORWARDING("permit-agent-forwarding"),
    X11_FORWARDING("permit-X11-forwarding"),
    USER_RC("permit-user-rc");

    private final String extension;

    UserPermission(String extension) {
        this.extension = extension;
    }

    /** The OpenSSH extension name. */
    public String extension() {
        return extension;
    }
}
