package org.mezite.node.internal;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment a session's process starts with, as sshd gives it: none of the agent's own, the login's
 * {@code HOME}, {@code USER}, {@code LOGNAME}, {@code SHELL}, {@code MAIL}, a default {@code PATH}, the terminal's
 * {@code TERM} and {@code SSH_TTY}, where the connection comes from, and of what the client asked to set only the
 * locale ({@code LANG}, {@code LC_*}, as Debian's {@code AcceptEnv}).
 */
final class SessionEnvironment {

    static final String USER_PATH = "/usr/local/bin:/usr/bin:/bin:/usr/games";
    static final String ROOT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private SessionEnvironment() {
    }

    /** Whether a client's {@code env} request may set this variable. */
    static boolean accepts(String name) {
        return name != null && (name.equals("LANG") || name.startsWith("LC_")) && name.chars()
                .allMatch(c -> c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }

    /**
     * @param requested what the client asked to set (only accepted names are taken)
     * @param term      the terminal type, {@code null} without a terminal
     * @param tty       the terminal's device, {@code null} without a terminal
     * @param local     the server's end of the connection
     * @param authSock  the forwarded agent's socket, or {@code null}
     */
    static Map<String, String> of(UnixAccount account, Origin origin, InetSocketAddress local,
            Map<String, String> requested, String term, String tty, String authSock) {
        Map<String, String> env = new TreeMap<>();
        requested.forEach((name, value) -> {
            if (accepts(name) && value != null && value.indexOf('\0') < 0) {
                env.put(name, value);
            }
        });
        env.put("HOME", account.home());
        env.put("USER", account.name());
        env.put("LOGNAME", account.name());
        env.put("SHELL", account.shell());
        env.put("MAIL", "/var/mail/" + account.name());
        env.put("PATH", account.isRoot() ? ROOT_PATH : USER_PATH);
        String serverHost = local == null || local.getAddress() == null ? "0.0.0.0"
                : local.getAddress().getHostAddress();
        int serverPort = local == null ? 0 : local.getPort();
        env.put("SSH_CLIENT", origin.host() + " " + origin.port() + " " + serverPort);
        env.put("SSH_CONNECTION", origin.host() + " " + origin.port() + " " + serverHost + " " + serverPort);
        if (term != null) {
            env.put("TERM", term.isEmpty() ? "dumb" : term);
        }
        if (tty != null) {
            env.put("SSH_TTY", tty);
        }
        if (authSock != null) {
            env.put("SSH_AUTH_SOCK", authSock);
        }
        return env;
    }
}
