package org.mezite.api.recording;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where finished recordings are kept: a plugin (the filesystem sink by default, the database sink for Auth
 * instances that share no disk). Registered as a service with the property {@link #NAME}; the hub uses the one named
 * in its configuration, and while none is available uploads wait on the agents and are retried.
 */
@ConsumerType
public interface RecordingSink {

    /** The service property naming the sink, e.g. {@code file}, {@code database}; stored with each recording. */
    String NAME = "mezite.recording.sink";

    /**
     * Stores a finished recording (asciicast v2, gzip-compressed), replacing any stored earlier for the session (an
     * upload retried after the hub stopped halfway). Returns only once it is durably kept.
     *
     * @return where the sink keeps it (a path, a key), stored in the index and given back to {@link #open}
     * @throws IOException when it cannot be kept; nothing of it is then visible
     */
    String store(String sessionId, InputStream gzipped) throws IOException;

    /**
     * Opens a stored recording for reading (gzip-compressed), streaming rather than reading it whole.
     *
     * @param location what {@link #store} returned
     * @throws java.nio.file.NoSuchFileException when the sink does not hold it
     */
    InputStream open(String sessionId, String location) throws IOException;
}
