package org.mezite.client;

import java.util.List;

/**
 * What {@code msh ssh} was asked to do, checked and parsed.
 *
 * @param destination {@code [LOGIN@]NODE} or {@code [LOGIN@]KEY=VALUE,...}
 * @param command     the remote command, or {@code null} for the login shell
 * @param login       {@code -l}, or {@code null}
 * @param port        the node's SSH port
 * @param ttyRequests how often {@code -t} was given
 * @param noTty       {@code -T}
 * @param escape      the escape character, or {@code null} for none
 * @param parallel    how many nodes at once for a label selector
 */
record SshSettings(String destination, String command, String login, int port, int ttyRequests, boolean noTty,
        List<ForwardSpec> local, List<ForwardSpec> remote, List<ForwardSpec> dynamic, boolean agent,
        boolean noCommand, boolean nullStdin, Character escape, int parallel) {

    /**
     * Checks and parses what was typed.
     *
     * @throws MshException (usage) naming what is wrong
     */
    static SshSettings of(String destination, List<String> command, String login, int port, int ttyRequests,
            boolean noTty, List<String> local, List<String> remote, List<String> dynamic, boolean agent,
            boolean noCommand, boolean nullStdin, String escape, int parallel) {
        if (port < 1 || port > 65535) {
            throw MshException.usage("-p " + port + ": the port must be a number from 1 to 65535");
        }
        if (parallel < 1) {
            throw MshException.usage("--parallel " + parallel + ": must be at least 1");
        }
        Character escapeCharacter;
        if (escape.equals("none")) {
            escapeCharacter = null;
        } else if (escape.length() == 1) {
            escapeCharacter = escape.charAt(0);
        } else {
            throw MshException.usage("-e " + escape + ": expected one character or \"none\"");
        }
        if (noCommand && !command.isEmpty()) {
            throw MshException.usage("-N runs no command, but a command was given");
        }
        return new SshSettings(destination, command.isEmpty() ? null : String.join(" ", command), login, port,
                ttyRequests, noTty, local.stream().map(text -> ForwardSpec.parse("-L", text)).toList(),
                remote.stream().map(text -> ForwardSpec.parse("-R", text)).toList(),
                dynamic.stream().map(ForwardSpec::parseDynamic).toList(), agent, noCommand, nullStdin,
                escapeCharacter, parallel);
    }

    /** Whether to ask for a PTY, as OpenSSH decides; {@code warning} gets its remark when it declines {@code -t}. */
    boolean pty(boolean stdinIsTerminal, StringBuilder warning) {
        if (noTty || noCommand) {
            return false;
        }
        if (ttyRequests >= 2) {
            return true;
        }
        if (ttyRequests == 1) {
            if (!stdinIsTerminal) {
                warning.append("Pseudo-terminal will not be allocated because stdin is not a terminal.");
            }
            return stdinIsTerminal;
        }
        return command == null && stdinIsTerminal;
    }
}
