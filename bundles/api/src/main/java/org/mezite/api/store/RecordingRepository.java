package org.mezite.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The index of session recordings; the recordings themselves live in a recording sink. */
@ProviderType
public interface RecordingRepository {

    /** @throws ConflictException when the session already has a recording */
    Recording create(String sessionId, String sink, String location);

    /**
     * Notes how much of a recording has arrived so far.
     *
     * @throws NotFoundException when there is no such recording
     */
    void updateSize(String sessionId, long sizeBytes);

    /**
     * Marks a recording complete with its final size.
     *
     * @throws NotFoundException when there is no such recording
     */
    Recording markComplete(String sessionId, long sizeBytes, Instant at);

    Optional<Recording> find(String sessionId);

    /** The newest recordings, at most {@code limit}. */
    List<Recording> listRecent(int limit);

    /** False when there was no such recording. */
    boolean delete(String sessionId);
}
