package org.mezite.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mezite.api.audit.AuditDetails;

/** What the server reads out of what users send: their address, scp command lines, sftp requests, passwd lines. */
class RequestParsingTest {

    @Test
    void readsTheUsersAddressAsTheProxyGivesIt() {
        assertThat(Origin.viaProxy("203.0.113.7:51234", "p")).isEqualTo(new Origin("203.0.113.7", 51234, "p"));
        assertThat(Origin.viaProxy("[2001:db8::1]:51234", "p")).isEqualTo(new Origin("2001:db8::1", 51234, "p"));
        assertThat(Origin.viaProxy("2001:db8::1", "p")).isEqualTo(new Origin("2001:db8::1", 0, "p"));
        assertThat(Origin.viaProxy("203.0.113.7", "p")).isEqualTo(new Origin("203.0.113.7", 0, "p"));
        assertThat(Origin.viaProxy(null, "p").host()).isEqualTo("unknown");
    }

    @Test
    void recognisesScpOnBothEnds() {
        assertThat(ScpRequest.parse("scp -t /tmp/x")).contains(new ScpRequest("upload", "/tmp/x", false));
        assertThat(ScpRequest.parse("scp -r -d -t -- /srv/dir")).contains(new ScpRequest("upload", "/srv/dir", true));
        assertThat(ScpRequest.parse("/usr/bin/scp -pf notes.txt")).contains(
                new ScpRequest("download", "notes.txt", false));
        assertThat(ScpRequest.parse("scpx -t a")).isEmpty();
        assertThat(ScpRequest.parse("ls -t")).isEmpty();
    }

    @Test
    void recognisesTheCommandsThatCopyFiles() {
        assertThat(ScpRequest.runsScp("scp -t /tmp/x")).isTrue();
        assertThat(ScpRequest.runsScp("/usr/bin/scp\t-v -f a")).isTrue();
        assertThat(ScpRequest.runsScp("scp")).isTrue();
        assertThat(ScpRequest.runsScp("  scp -d -t .")).isTrue();
        assertThat(ScpRequest.runsSftpServer("/usr/lib/openssh/sftp-server -e")).isTrue();
        assertThat(ScpRequest.runsScp("echo scp")).isFalse();
        assertThat(ScpRequest.runsScp("scpx -t a")).isFalse();
        assertThat(ScpRequest.runsSftpServer("sftp")).isFalse();
        assertThat(ScpRequest.runsScp("")).isFalse();
    }

    @Test
    void readsPasswdLines() {
        assertThat(UnixAccounts.parse("bob", "bob:x:1001:1002:Bob,,,:/home/bob:/bin/zsh\n"))
                .contains(new UnixAccount("bob", 1001, 1002, "/home/bob", "/bin/zsh"));
        assertThat(UnixAccounts.parse("svc", "svc:x:998:998::/var/lib/svc:\n"))
                .contains(new UnixAccount("svc", 998, 998, "/var/lib/svc", "/bin/sh"));
        assertThat(UnixAccounts.isValidName("-rf")).isFalse();
        assertThat(UnixAccounts.isValidName("a b")).isFalse();
        assertThat(UnixAccounts.isValidName("deploy.bot-1")).isTrue();
    }

    @Test
    void reportsSftpRequestsHoweverTheBytesAreCutAndSkipsFileData() {
        List<String> seen = new ArrayList<>();
        SftpRequestAudit audit = new SftpRequestAudit(details -> seen.add(details.toString()));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(packet(1, new byte[] {0, 0, 0, 3})); // INIT, version 3
        stream.writeBytes(packet(3, id(), string("notes.txt"), uint(0x1A), uint(0))); // OPEN write|creat|trunc
        stream.writeBytes(packet(6, id(), string("handle"), new byte[8], string("x".repeat(100_000)))); // WRITE
        stream.writeBytes(packet(18, id(), string("notes.txt"), string("old/notes.txt"))); // RENAME
        stream.writeBytes(packet(200, id(), string("posix-rename@openssh.com"), string("a"), string("b")));
        byte[] bytes = stream.toByteArray();

        for (int at = 0; at < bytes.length; at += 7) {
            audit.accept(bytes, at, Math.min(7, bytes.length - at));
        }

        assertThat(seen).containsExactly(
                new AuditDetails().put("action", "open").put("path", "notes.txt").put("mode", "write").toString(),
                new AuditDetails().put("action", "rename").put("path", "notes.txt").put("target", "old/notes.txt")
                        .toString(),
                new AuditDetails().put("action", "rename").put("path", "a").put("target", "b").toString());
    }

    private static byte[] packet(int type, byte[]... fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(type);
        for (byte[] field : fields) {
            body.writeBytes(field);
        }
        return ByteBuffer.allocate(4 + body.size()).putInt(body.size()).put(body.toByteArray()).array();
    }

    private static byte[] id() {
        return uint(7);
    }

    private static byte[] uint(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static byte[] string(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
    }
}
