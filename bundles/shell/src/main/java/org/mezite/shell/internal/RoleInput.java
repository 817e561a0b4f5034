package org.mezite.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The role document of {@code mezite:role-create}: a file, or what is piped into the command. */
final class RoleInput {

    /** A role is a page of YAML; anything much bigger is a wrong file. */
    static final int MAX_BYTES = 1 << 20;

    private RoleInput() {
    }

    /**
     * @param file  the {@code -f} file, relative paths taken from {@code dir}, or {@code null} to read {@code stdin}
     * @param dir   the console session's current directory
     * @param stdin the command's standard input
     */
    static String read(String file, Path dir, InputStream stdin) {
        if (file != null) {
            Path path = dir.resolve(file).normalize();
            try {
                if (Files.size(path) > MAX_BYTES) {
                    throw new IllegalArgumentException("-f: " + path + " is larger than " + MAX_BYTES + " bytes");
                }
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("-f: " + path + " does not exist (paths are the hub's)");
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new IllegalArgumentException("-f: cannot read " + path + ": " + e.getMessage());
            }
        }
        try {
            byte[] bytes = stdin.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IllegalArgumentException("the role document on standard input is larger than " + MAX_BYTES
                        + " bytes");
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw new IllegalArgumentException("no role document: give -f FILE, or pipe one in"
                        + " (cat role.yaml | mezite:role-create)");
            }
            return text;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the role document from standard input: "
                    + e.getMessage());
        }
    }
}
