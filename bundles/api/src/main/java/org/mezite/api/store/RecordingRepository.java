package org.mezite.api.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The index of session recordings; the recordings themselves live in a recording sink. */
@ProviderType
public interface RecordingRepository {

    /** Adds the entry, or replaces the session's entry when there is one (an upload stored again). */
    Recording put(Recording recording);

    Optional<Recording> find(String sessionId);

    /** The newest recordings (by session start) first, at most {@code limit}. */
    List<Recording> listRecent(int limit);

    /** False when there was no such recording. */
    boolean delete(String sessionId);
}
