package org.mezite.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** The tests' recorded session, {@code sample.cast}: a short bash session on node-01 with colours and a resize. */
final class Recordings {

    static final String SESSION_ID = "9b2c8a8e-1f0e-4a43-9d7c-0c6f1f2d9e10";

    /** What {@code sample.cast} printed, as plain text. */
    static final String SAMPLE_TEXT = "root@node-01:~# echo hello\n"
            + "hello\n"
            + "root@node-01:~# ls --color\n"
            + "docs  notes.txt  caf\u00e9\n"
            + "root@node-01:~# exit\n"
            + "logout\n";

    private Recordings() {
    }

    static byte[] sample() {
        try (InputStream in = Recordings.class.getResourceAsStream("sample.cast")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zipped = new GZIPOutputStream(out)) {
            zipped.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
