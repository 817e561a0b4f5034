package org.mezite.bench;

import java.util.List;

/** Where one new session's time went, in nanoseconds per phase. */
final class Phases {

    static final int TCP = 0;
    static final int KEX = 1;
    static final int AUTH = 2;
    static final int TUNNEL = 3;
    static final int KEX2 = 4;
    static final int AUTH2 = 5;
    static final int EXEC = 6;
    static final int CLOSE = 7;

    /** What each phase covers, in the order they happen. */
    static final List<String> NAMES = List.of(
            "tcp      TCP connect to the jump host",
            "kex      version exchange + key exchange with the jump host (host certificate checked)",
            "auth     user certificate authentication at the jump host",
            "tunnel   direct-tcpip channel open: the jump host dials the node (Mezite: through the reverse tunnel)",
            "kex2     key exchange with the node, through the channel",
            "auth2    user certificate authentication at the node",
            "exec     session channel open + exec + exit status + channel close",
            "close    closing both sessions");

    private final long[] nanos = new long[NAMES.size()];

    /** Records {@code now - since} for a phase, and returns now. */
    long mark(int phase, long since) {
        long now = System.nanoTime();
        nanos[phase] = now - since;
        return now;
    }

    /** Splits {@code start..end} at {@code middle} (when known) into two phases. */
    void split(int first, int second, long start, Long middle, long end) {
        long at = middle == null ? end : Math.max(start, Math.min(middle, end));
        nanos[first] = at - start;
        nanos[second] = end - at;
    }

    long nanos(int phase) {
        return nanos[phase];
    }

    static String shortName(int phase) {
        return NAMES.get(phase).substring(0, NAMES.get(phase).indexOf(' '));
    }
}
