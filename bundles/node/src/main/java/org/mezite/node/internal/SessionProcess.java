package org.mezite.node.internal;

import java.io.InputStream;
import java.io.OutputStream;

/** A session's running process and the pumping of its bytes to and from the channel. */
interface SessionProcess {

    /**
     * Pumps the client's input to the process and its output to the client until the process has ended and the
     * output it left has been delivered.
     *
     * @param input  what the client sends
     * @param output the channel's data
     * @param error  the channel's extended data (stderr)
     * @return the process's exit status, 128 + n when signal n killed it
     */
    int pump(InputStream input, OutputStream output, OutputStream error, Traffic traffic)
            throws InterruptedException;

    /** Sends a signal to the process's group. */
    void signal(int number);

    /** The terminal's new size; nothing for a process without one. */
    void resize(int columns, int rows, int width, int height);

    /** The client is gone: hang the process up. */
    void hangup();
}
