package org.mezite.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** A recording's bytes as stored (gzip-compressed) or exported (either), told apart by gzip's magic bytes. */
final class RecordingBytes {

    static final int BUFFER = 64 * 1024;

    private RecordingBytes() {
    }

    /** The stream, buffered, positioned where it was. */
    static BufferedInputStream buffered(InputStream in) {
        return in instanceof BufferedInputStream buffered ? buffered : new BufferedInputStream(in, BUFFER);
    }

    /** Whether the stream starts with gzip's magic bytes {@code 1f 8b}; reads nothing off it. */
    static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        byte[] magic = in.readNBytes(2);
        in.reset();
        return magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
    }

    /** The asciicast text: decompressed when the bytes are gzip's, else as they are. */
    static InputStream text(InputStream in) throws IOException {
        BufferedInputStream buffered = buffered(in);
        return isGzip(buffered) ? new GZIPInputStream(buffered, BUFFER) : buffered;
    }
}
