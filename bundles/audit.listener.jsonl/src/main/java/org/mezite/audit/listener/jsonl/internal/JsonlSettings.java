package org.mezite.audit.listener.jsonl.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The validated {@code etc/org.mezite.audit.listener.jsonl.cfg}.
 *
 * @param file     the current file; rotated ones sit beside it as {@code FILE.1}, {@code FILE.2}, ...
 * @param maxSize  the size in bytes a file may reach before it is rotated
 * @param maxFiles how many files are kept, the current one included
 */
record JsonlSettings(Path file, long maxSize, int maxFiles) {

    static final String PID = "org.mezite.audit.listener.jsonl";
    static final String CONFIG_FILE = "etc/" + PID + ".cfg";
    static final int DEFAULT_MAX_FILES = 10;

    /**
     * @param dataDir the hub's data directory, which a relative {@code file} is taken from
     * @throws IllegalArgumentException naming the file, the key and the problem
     */
    static JsonlSettings of(JsonlListenerConfig config, Path dataDir) {
        String configured = config.file() == null ? "" : config.file().strip();
        Path file;
        try {
            file = configured.isEmpty() ? dataDir.resolve("audit").resolve("audit.jsonl")
                    : dataDir.resolve(configured);
        } catch (InvalidPathException e) {
            throw invalid("file", "\"" + configured + "\" is not a path: " + e.getReason());
        }
        if (file.getFileName() == null) {
            throw invalid("file", "\"" + configured + "\" names no file");
        }
        long maxSize;
        try {
            maxSize = ByteSizes.parse(config.max__size());
        } catch (IllegalArgumentException e) {
            throw invalid("max_size", e.getMessage());
        }
        if (config.max__files() < 1) {
            throw invalid("max_files", "must be 1 or more, not " + config.max__files());
        }
        return new JsonlSettings(file.toAbsolutePath().normalize(), maxSize, config.max__files());
    }

    static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(CONFIG_FILE + ": " + key + ": " + problem);
    }
}
