package org.mezite.node.internal;

import java.util.Map;

import org.apache.sshd.common.channel.PtyMode;

/**
 * A client's {@code pty-req}.
 *
 * @param term    the terminal type, e.g. {@code xterm-256color}
 * @param columns width in characters
 * @param rows    height in characters
 * @param width   width in pixels, 0 when unknown
 * @param height  height in pixels, 0 when unknown
 * @param modes   the terminal modes asked for
 */
record PtyRequest(String term, int columns, int rows, int width, int height, Map<PtyMode, Integer> modes) {

    PtyRequest {
        modes = Map.copyOf(modes);
    }
}
