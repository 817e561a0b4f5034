package org.mezite.node.internal;

/** Signals to a session's process group: its leader's pid is the group's id (the session leader's own). */
final class ProcessSignals {

    private ProcessSignals() {
    }

    static void toGroup(long pid, int signal) {
        if (pid <= 1) {
            return;
        }
        if (Posix.C.kill((int) -pid, signal) != 0) {
            Posix.C.kill((int) pid, signal);
        }
    }
}
