package org.mezite.api.access;

/** What happens to a session when its recording cannot be kept (role option {@code record_session}). */
public enum RecordSessionMode {
    /** The session goes on and the recording is kept as well as can be. */
    BEST_EFFORT,
    /** The session ends when its recording cannot be kept. */
    STRICT
}
