package org.mezite.ca.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the data types of the SSH wire format; any overrun is a {@link MalformedKeyException}. */
final class SshReader {

    private final byte[] data;
    private int position;

    SshReader(byte[] data) {
        this(data, 0);
    }

    SshReader(byte[] data, int position) {
        this.data = data;
        this.position = position;
    }

    long uint32() {
        need(4);
        long value = ((data[position] & 0xffL) << 24) | ((data[position + 1] & 0xffL) << 16)
                | ((data[position + 2] & 0xffL) << 8) | (data[position + 3] & 0xffL);
        position += 4;
        return value;
    }

    byte[] string() {
        long length = uint32();
        if (length > data.length - position) {
            throw new MalformedKeyException("a field is longer than the key");
        }
        byte[] value = Arrays.copyOfRange(data, position, position + (int) length);
        position += (int) length;
        return value;
    }

    String utf8() {
        return new String(string(), StandardCharsets.UTF_8);
    }

    BigInteger mpint() {
        byte[] value = string();
        if (value.length > 0 && value[0] < 0) {
            throw new MalformedKeyException("a negative number where a positive one belongs");
        }
        return new BigInteger(1, value);
    }

    int position() {
        return position;
    }

    boolean atEnd() {
        return position == data.length;
    }

    private void need(int bytes) {
        if (data.length - position < bytes) {
            throw new MalformedKeyException("the key ends early");
        }
    }
}
