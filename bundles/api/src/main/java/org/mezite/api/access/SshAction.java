package org.mezite.api.access;

/** What a user asks to do on a node besides a shell or command, each allowed separately. */
public enum SshAction {
    /** {@code -L}: the node connects to an address for the user. */
    LOCAL_PORT_FORWARDING,
    /** {@code -R}: the node listens on a port and forwards to the user. */
    REMOTE_PORT_FORWARDING,
    /** {@code -A}: processes on the node use the user's SSH agent. */
    AGENT_FORWARDING,
    /** {@code scp} and {@code sftp}. */
    FILE_COPY
}
