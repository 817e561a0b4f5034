package org.mezite.agent.launcher;

/** The agent configuration file is missing or wrong; the message says where and why, ready to print. */
final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message);
    }

    ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
