package org.mezite.client;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** SSH's wire encoding (RFC 4251 section 5): big-endian integers and length-prefixed strings. */
final class SshWire {

    private SshWire() {
    }

    /** Builds an SSH-encoded byte string. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer uint32(int value) {
            out.write(value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
            return this;
        }

        Writer string(byte[] value) {
            uint32(value.length);
            out.writeBytes(value);
            return this;
        }

        Writer string(String value) {
            return string(value.getBytes(StandardCharsets.UTF_8));
        }

        Writer raw(byte[] value) {
            out.writeBytes(value);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** Reads an SSH-encoded byte string; running past its end is an {@link IllegalArgumentException}. */
    static final class Reader {
        private final ByteBuffer in;

        Reader(byte[] data) {
            this.in = ByteBuffer.wrap(data);
        }

        int uint32() {
            need(4);
            return in.getInt();
        }

        long uint64() {
            need(8);
            return in.getLong();
        }

        byte[] string() {
            int length = uint32();
            if (length < 0) {
                throw new IllegalArgumentException("string longer than the data");
            }
            need(length);
            byte[] value = new byte[length];
            in.get(value);
            return value;
        }

        String utf8() {
            return new String(string(), StandardCharsets.UTF_8);
        }

        boolean atEnd() {
            return !in.hasRemaining();
        }

        private void need(int bytes) {
            if (in.remaining() < bytes) {
                throw new IllegalArgumentException("truncated: " + bytes + " bytes needed, " + in.remaining()
                        + " left");
            }
        }
    }
}
