package org.mezite.audit.internal;

/** The {@code listener_queue_size} setting, checked. */
final class ListenerQueueSize {

    static final int DEFAULT = 10_000;
    /** Far more than any listener should need to catch up; beyond it a queue only hides a listener that is stuck. */
    static final int MAX = 10_000_000;

    private ListenerQueueSize() {
    }

    /** @throws IllegalArgumentException naming the setting and the allowed range */
    static int of(int value) {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("listener_queue_size in etc/" + HubAuditRecorder.PID + ".cfg is "
                    + value + ": must be between 1 and " + MAX);
        }
        return value;
    }
}
