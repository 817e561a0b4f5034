package org.mezite.recording.sink.db.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;

import org.mezite.api.recording.RecordingSink;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.RecordingDataRepository;
import org.mezite.api.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Recordings in the state database ({@code recording_chunks}), so that Auth instances that share no disk share their
 * recordings: whichever instance received a recording, every proxy can play it back. The location is the session
 * id, the key of the rows.
 */
@Component(service = RecordingSink.class, property = RecordingSink.NAME + "=database")
public final class DatabaseRecordingSink implements RecordingSink {

    private final RecordingDataRepository data;

    @Activate
    public DatabaseRecordingSink(@Reference(name = "data") RecordingDataRepository data) {
        this.data = data;
    }

    @Override
    public String store(String sessionId, InputStream gzipped) throws IOException {
        try {
            data.replace(sessionId, gzipped);
        } catch (StoreException e) {
            // the database is away or refuses: the hub keeps the recording staged and the agent tries again
            throw new IOException("the database sink cannot store the recording of session " + sessionId + ": "
                    + e.getMessage(), e);
        }
        return sessionId;
    }

    @Override
    public InputStream open(String sessionId, String location) throws IOException {
        String key = location == null || location.isBlank() ? sessionId : location;
        try {
            return data.open(key);
        } catch (NotFoundException e) {
            throw new NoSuchFileException(sessionId, null, "the database sink holds no recording of session "
                    + sessionId);
        } catch (StoreException e) {
            throw new IOException("the database sink cannot read the recording of session " + sessionId + ": "
                    + e.getMessage(), e);
        }
    }
}
