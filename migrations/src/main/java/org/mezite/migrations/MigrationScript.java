package org.mezite.migrations;

import java.net.URL;
import java.util.Objects;

/**
 * One Flyway SQL script.
 *
 * @param fileName the file name Flyway reads the version and description from, e.g. {@code V1__init.sql}
 * @param url      where to read the script from (a bundle entry, a jar entry or a file)
 */
public record MigrationScript(String fileName, URL url) {

    public MigrationScript {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(url, "url");
    }
}
