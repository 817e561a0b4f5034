package org.mezite.api.recording;

/** No recording sink can take or give a recording now (none installed, or the one holding it is not). */
public class RecordingSinkUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecordingSinkUnavailableException(String message) {
        super(message);
    }

    public RecordingSinkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
