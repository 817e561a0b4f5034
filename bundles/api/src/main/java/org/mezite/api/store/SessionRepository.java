package org.mezite.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The history of sessions on nodes. */
@ProviderType
public interface SessionRepository {

    /** @throws ConflictException when a session with this id exists */
    Session create(Session session);

    /**
     * Marks a session ended.
     *
     * @throws NotFoundException when there is no such session
     */
    Session end(String id, Instant endedAt);

    /**
     * Notes where the recording of a session is.
     *
     * @throws NotFoundException when there is no such session
     */
    void setRecordingPath(String id, String recordingPath);

    Optional<Session> findById(String id);

    /** Sessions that have not ended, oldest first. */
    List<Session> listActive();

    /** Sessions started in [from, to), newest first, at most {@code limit}. */
    List<Session> listStarted(Instant from, Instant to, int limit);
}
