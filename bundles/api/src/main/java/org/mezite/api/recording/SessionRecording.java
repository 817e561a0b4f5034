package org.mezite.api.recording;

import org.osgi.annotation.versioning.ProviderType;

/** One session's recording, fed by the thread that reads the terminal. Calls after {@link #end} are ignored. */
@ProviderType
public interface SessionRecording {

    /** What the terminal showed: {@code length} bytes of {@code data} from {@code offset}, copied before return. */
    void output(byte[] data, int offset, int length);

    /** The terminal was resized. */
    void resize(int columns, int rows);

    /** The session ended by itself or was ended by the server; the recording is complete. */
    void end();
}
