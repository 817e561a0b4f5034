package org.mezite.proxy.ssh.internal;

/**
 * Where a client asks the proxy to connect it: a node and port, and for msh also the login.
 *
 * @param login the Unix login, or {@code null} when the request does not say (ProxyJump)
 * @param host  the node's name or id, possibly with {@code .CLUSTER} after it
 * @param port  the port asked for: 22 or 3022 (the node's SSH server), or 0
 */
record NodeRequest(String login, String host, int port) {

    static final String SUBSYSTEM_PREFIX = "proxy:";

    /**
     * Parses msh's subsystem name {@code proxy:LOGIN@HOST:PORT}; the login and the port may be left out.
     *
     * @throws RouteRefusedException saying what is wrong
     */
    static NodeRequest parseSubsystem(String subsystem) {
        String target = subsystem.substring(SUBSYSTEM_PREFIX.length());
        String login = null;
        int at = target.lastIndexOf('@');
        if (at >= 0) {
            login = target.substring(0, at);
            target = target.substring(at + 1);
            if (login.isEmpty()) {
                throw new RouteRefusedException("\"" + subsystem + "\": the login before @ is empty");
            }
        }
        int port = 22;
        int colon = target.lastIndexOf(':');
        if (colon >= 0) {
            String number = target.substring(colon + 1);
            target = target.substring(0, colon);
            try {
                port = Integer.parseInt(number);
            } catch (NumberFormatException e) {
                throw new RouteRefusedException("\"" + subsystem + "\": the port \"" + number + "\" is not a number");
            }
        }
        if (target.isEmpty()) {
            throw new RouteRefusedException("\"" + subsystem + "\" names no node; use proxy:LOGIN@NODE:PORT");
        }
        return new NodeRequest(login, target, port);
    }

    /** The node's SSH server is all the proxy reaches: {@code ssh -J} asks for port 22, msh may ask for 3022 or 0. */
    boolean isSshPort() {
        return port == 22 || port == 3022 || port == 0;
    }
}
