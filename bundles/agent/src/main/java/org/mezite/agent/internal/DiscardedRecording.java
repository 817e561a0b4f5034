package org.mezite.agent.internal;

import org.mezite.api.recording.SessionRecording;

/** The recording of a session when the cluster's recording mode is {@code off}: it keeps nothing. */
final class DiscardedRecording implements SessionRecording {

    static final DiscardedRecording INSTANCE = new DiscardedRecording();

    private DiscardedRecording() {
    }

    @Override
    public void output(byte[] data, int offset, int length) {
        // not recorded
    }

    @Override
    public void resize(int columns, int rows) {
        // not recorded
    }

    @Override
    public void end() {
        // not recorded
    }
}
