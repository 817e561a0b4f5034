package org.mezite.ca.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/** Writes the data types of the SSH wire format (RFC 4251 section 5). */
final class SshWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    SshWriter uint32(long value) {
        out.write((int) (value >>> 24));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 8));
        out.write((int) value);
        return this;
    }

    SshWriter uint64(long value) {
        uint32(value >>> 32);
        return uint32(value);
    }

    SshWriter string(byte[] value) {
        uint32(value.length);
        return raw(value);
    }

    SshWriter string(String value) {
        return string(value.getBytes(StandardCharsets.UTF_8));
    }

    SshWriter mpint(BigInteger value) {
        return string(value.signum() == 0 ? new byte[0] : value.toByteArray());
    }

    /** Bytes as they are, without a length. */
    SshWriter raw(byte[] value) {
        out.write(value, 0, value.length);
        return this;
    }

    /** A string holding a list of strings, as certificate principals. */
    SshWriter stringList(Collection<String> values) {
        SshWriter inner = new SshWriter();
        values.forEach(inner::string);
        return string(inner.toByteArray());
    }

    /**
     * A string holding name/data pairs, as certificate critical options and extensions: an empty value is a flag
     * (empty data), any other is wrapped in a string of its own (PROTOCOL.certkeys). The caller orders the names.
     */
    SshWriter options(Map<String, String> options) {
        SshWriter inner = new SshWriter();
        options.forEach((name, value) -> {
            inner.string(name);
            inner.string(value.isEmpty() ? new byte[0] : new SshWriter().string(value).toByteArray());
        });
        return string(inner.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
