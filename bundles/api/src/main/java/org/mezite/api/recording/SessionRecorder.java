package org.mezite.api.recording;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The agent's recorder, fed by the node's SSH server with what a session's terminal shows. It keeps the recording
 * on the agent's disk first (so an agent killed mid-session still has it at its next start) and takes it to Auth as
 * the cluster's {@link RecordingMode} says.
 */
@ProviderType
public interface SessionRecorder {

    /**
     * Starts recording a session. Never blocks on the network.
     *
     * @param header    what is known when the terminal opens
     * @param onFailure called at most once, from any thread, with a sentence for the user, when the recording
     *                  cannot be kept and the header's {@code onFailure} is {@code STRICT}: the caller then ends the
     *                  session. Not called for {@code BEST_EFFORT}: the recorder keeps what it can and logs why.
     * @return the recording to feed; a recording that ignores what it is fed when the mode is {@code off}
     */
    SessionRecording start(RecordingHeader header, Consumer<String> onFailure);
}
