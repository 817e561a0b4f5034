package org.mezite.node.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.mezite.api.audit.AuditDetails;

/**
 * Reads the client's side of an SFTP session (version 3, as OpenSSH's sftp-server speaks it) as it passes to
 * sftp-server, and reports each request that touches the file system: opening a file for reading or writing,
 * removing, making and removing directories, renaming, links, attribute changes. Only the requests: what the server
 * answered is not followed. File contents are skipped, never kept.
 */
final class SftpRequestAudit {

    private static final int OPEN = 3;
    private static final int SETSTAT = 9;
    private static final int REMOVE = 13;
    private static final int MKDIR = 14;
    private static final int RMDIR = 15;
    private static final int RENAME = 18;
    private static final int SYMLINK = 20;
    private static final int EXTENDED = 200;
    private static final int WRITE_FLAGS = 0x02 | 0x04 | 0x08 | 0x10; // WRITE, APPEND, CREAT, TRUNC
    /** Requests larger than this are data (writes), never parsed. */
    private static final int MAX_PARSED = 64 * 1024;

    private final Consumer<AuditDetails> report;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    /** Bytes of the current packet still to pass over unread. */
    private long skip;
    /** The whole size (length field included) of the packet being collected, 0 while reading a header. */
    private int expected;

    SftpRequestAudit(Consumer<AuditDetails> report) {
        this.report = report;
    }

    /** The next bytes the client sent. */
    void accept(byte[] bytes, int offset, int length) {
        int at = offset;
        int end = offset + length;
        while (at < end) {
            if (skip > 0) {
                int skipped = (int) Math.min(skip, end - at);
                skip -= skipped;
                at += skipped;
            } else if (expected == 0) {
                pending.write(bytes[at++]);
                if (pending.size() == 5) {
                    header();
                }
            } else {
                int take = Math.min(expected - pending.size(), end - at);
                pending.write(bytes, at, take);
                at += take;
                if (pending.size() == expected) {
                    byte[] packet = pending.toByteArray();
                    parse(ByteBuffer.wrap(packet, 4, packet.length - 4));
                    pending.reset();
                    expected = 0;
                }
            }
        }
    }

    /** A packet's length and type are in: keep the packet if it is a request to report, else skip it. */
    private void header() {
        byte[] header = pending.toByteArray();
        long size = ByteBuffer.wrap(header).getInt() & 0xffffffffL;
        int type = header[4] & 0xff;
        if (size < 5 || size > MAX_PARSED || !interesting(type)) {
            pending.reset();
            skip = Math.max(0, size - 1);
        } else {
            expected = (int) size + 4;
        }
    }

    private static boolean interesting(int type) {
        return type == OPEN || type == SETSTAT || type == REMOVE || type == MKDIR || type == RMDIR || type == RENAME
                || type == SYMLINK || type == EXTENDED;
    }

    private void parse(ByteBuffer packet) {
        try {
            int type = packet.get() & 0xff;
            packet.getInt(); // request id
            switch (type) {
                case OPEN -> {
                    String path = string(packet);
                    int flags = packet.getInt();
                    report("open", path, null, (flags & WRITE_FLAGS) != 0 ? "write" : "read");
                }
                case SETSTAT -> report("setstat", string(packet), null, null);
                case REMOVE -> report("remove", string(packet), null, null);
                case MKDIR -> report("mkdir", string(packet), null, null);
                case RMDIR -> report("rmdir", string(packet), null, null);
                case RENAME -> report("rename", string(packet), string(packet), null);
                case SYMLINK -> {
                    // OpenSSH's sftp-server takes the link's target first, then the link
                    String target = string(packet);
                    report("symlink", string(packet), target, null);
                }
                case EXTENDED -> {
                    String request = string(packet);
                    if (request.equals("posix-rename@openssh.com")) {
                        report("rename", string(packet), string(packet), null);
                    } else if (request.equals("hardlink@openssh.com")) {
                        report("link", string(packet), string(packet), null);
                    }
                }
                default -> {
                    // not a file-system change
                }
            }
        } catch (RuntimeException e) {
            // a request cut short or malformed: sftp-server will say so to the client
        }
    }

    private void report(String action, String path, String target, String mode) {
        AuditDetails details = new AuditDetails().put("action", action).put("path", path);
        if (target != null) {
            details.put("target", target);
        }
        if (mode != null) {
            details.put("mode", mode);
        }
        report.accept(details);
    }

    private static String string(ByteBuffer packet) {
        int length = packet.getInt();
        if (length < 0 || length > packet.remaining()) {
            throw new IllegalArgumentException("string past the packet");
        }
        byte[] bytes = new byte[length];
        packet.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
