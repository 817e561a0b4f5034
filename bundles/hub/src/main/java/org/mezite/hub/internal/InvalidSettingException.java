package org.mezite.hub.internal;

/** A configuration value that the hub cannot start with; the message names the key and the problem. */
public final class InvalidSettingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String key;

    public InvalidSettingException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
