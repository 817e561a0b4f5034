package org.mezite.client;

/**
 * A failure msh reports as one line, {@code msh: MESSAGE}, and an exit status: {@link #FAILED} when the cluster
 * refused (wrong password, wrong code, locked account, unknown invite) or could not be reached, {@link #USAGE} when
 * what was typed cannot work, {@link #CONNECTION} when an SSH connection to the proxy or a node failed.
 */
final class MshException extends RuntimeException {

    static final int FAILED = 1;
    static final int USAGE = 2;
    /** What ssh exits with when it cannot connect, so that scripts tell it apart from a remote command's status. */
    static final int CONNECTION = 255;
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    MshException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    MshException(int exitCode, String message, Throwable cause) {
        super(message, cause, false, false);
        this.exitCode = exitCode;
    }

    static MshException failed(String message) {
        return new MshException(FAILED, message);
    }

    static MshException usage(String message) {
        return new MshException(USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
