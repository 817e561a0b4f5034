package org.mezite.api.recording;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The hub's recordings: receives them from agents (staged under the hub's data directory until complete), hands
 * them to the configured {@link RecordingSink}, indexes them and opens them for playback. Access checks belong to
 * the callers (proxy commands, admin services).
 */
@ProviderType
public interface Recordings {

    /** The cluster's recording mode, sent to agents. */
    RecordingMode mode();

    /**
     * Starts or resumes receiving a session's recording from a node.
     *
     * @return how many bytes of it have arrived already (0 for a new one); the node sends on from there
     * @throws IllegalArgumentException when the session id is not a valid id
     */
    long receive(String nodeId, String sessionId) throws IOException;

    /**
     * Appends bytes of the uncompressed asciicast at {@code offset}.
     *
     * @throws IllegalStateException when {@code offset} is not where the recording ends, or it is not being received
     */
    void append(String nodeId, String sessionId, long offset, byte[] data) throws IOException;

    /**
     * Finishes a received recording of {@code size} bytes: compresses it, stores it in the sink and indexes it.
     *
     * @param complete false when the session was cut off before it ended
     * @throws RecordingSinkUnavailableException when no sink can take it now; the staged bytes are kept
     * @throws IllegalStateException             when fewer or more than {@code size} bytes arrived
     */
    RecordingInfo finish(String nodeId, String sessionId, long size, boolean complete) throws IOException;

    /** The newest recordings first, at most {@code limit}. */
    List<RecordingInfo> list(int limit);

    Optional<RecordingInfo> find(String sessionId);

    /**
     * Opens a stored recording (asciicast v2, gzip-compressed) for streaming.
     *
     * @throws org.mezite.api.store.NotFoundException  when there is no such recording
     * @throws RecordingSinkUnavailableException when the sink that holds it is not installed
     */
    InputStream open(String sessionId) throws IOException;

    /** Recordings staged and not finished, as (node id, session id, bytes, last change); for status and tests. */
    List<Staged> staged();

    /** A recording being received. */
    record Staged(String nodeId, String sessionId, long bytes, Instant lastChange) {
    }
}
