package org.mezite.client;

import java.io.ByteArrayOutputStream;

/**
 * OpenSSH's escape sequences in what the user types into an interactive session: right after a newline (or at the
 * start), {@code ~.} disconnects, {@code ~?} lists the escapes and {@code ~~} sends one {@code ~}; a {@code ~} before
 * anything else is sent as typed.
 */
final class EscapeFilter {

    /** What the typed bytes ask of msh besides sending data. */
    enum Action { NONE, DISCONNECT, HELP }

    static final String HELP = "Supported escape sequences:\r\n"
            + " ~.   - terminate connection\r\n"
            + " ~?   - this message\r\n"
            + " ~~   - send the escape character by typing it twice\r\n"
            + "(Note that escapes are only recognized immediately after newline.)\r\n";

    private final int escape;
    private boolean atLineStart = true;
    private boolean pendingEscape;

    /** @param escape the escape character, usually {@code ~} */
    EscapeFilter(char escape) {
        this.escape = escape;
    }

    /**
     * Filters typed bytes; those to send are appended to {@code send}. Processing stops at the first action other
     * than sending, which is returned; the bytes after it are dropped, as OpenSSH does for {@code ~.}.
     */
    Action filter(byte[] typed, int offset, int length, ByteArrayOutputStream send) {
        Action action = Action.NONE;
        for (int i = offset; i < offset + length; i++) {
            int b = typed[i] & 0xff;
            if (pendingEscape) {
                pendingEscape = false;
                if (b == '.') {
                    return Action.DISCONNECT;
                }
                if (b == '?') {
                    action = Action.HELP;
                    atLineStart = false;
                    continue;
                }
                if (b != escape) {
                    send.write(escape);
                }
                send.write(b);
                atLineStart = b == '\r' || b == '\n';
                continue;
            }
            if (atLineStart && b == escape) {
                pendingEscape = true;
                continue;
            }
            send.write(b);
            atLineStart = b == '\r' || b == '\n';
        }
        return action;
    }
}
