package org.mezite.api.store;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Recording bytes kept in the database (table {@code recording_chunks}), for the database recording sink: written
 * in chunks in one transaction, read back chunk by chunk so a large recording streams.
 */
@ProviderType
public interface RecordingDataRepository {

    /**
     * Stores the bytes read from {@code data} for the session, replacing what was stored before, all or nothing.
     *
     * @return how many bytes were stored
     * @throws IOException when {@code data} cannot be read; nothing is then stored
     */
    long replace(String sessionId, InputStream data) throws IOException;

    /**
     * Streams the session's bytes.
     *
     * @throws NotFoundException when none are stored
     */
    InputStream open(String sessionId);

    /** False when there was nothing stored. */
    boolean delete(String sessionId);
}
