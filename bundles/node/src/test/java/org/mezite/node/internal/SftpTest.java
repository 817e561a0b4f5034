package org.mezite.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.SshAction;
import org.mezite.api.store.NewAuditEvent;

/** The sftp subsystem: the host's sftp-server, run as the login, when the user's roles allow file copy. */
class SftpTest {

    private NodeUnderTest node;
    private TestClient client;
    private final KeyPair alice = TestCa.ed25519();

    @BeforeEach
    void start() throws Exception {
        node = new NodeUnderTest();
        client = new TestClient();
    }

    @AfterEach
    void stop() {
        client.close();
        node.close();
    }

    @Test
    void putsAndGetsAFileAsTheLogin() throws Exception {
        String user = TestUsers.create();
        try {
            byte[] content = new byte[3 * 1024 * 1024 + 17];
            new Random(4).nextBytes(content);
            String home = TestUsers.run("getent", "passwd", user).split(":")[5];
            try (ClientSession session = client.login(node.address(), user, alice,
                    node.ca.user(alice, "alice", List.of(user)));
                    SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                try (OutputStream out = sftp.write("upload.bin")) {
                    out.write(content);
                }
                byte[] back;
                try (InputStream in = sftp.read("upload.bin")) {
                    back = in.readAllBytes();
                }

                sftp.mkdir("made");
                sftp.rename("upload.bin", "made/moved.bin");
                sftp.remove("made/moved.bin");

                assertThat(back).isEqualTo(content);
                assertThat(sftp.canonicalPath(".")).isEqualTo(home);
            }
            Path made = Path.of(home, "made");
            assertThat(made).isEmptyDirectory();
            assertThat(TestUsers.run("stat", "-c", "%U", made.toString()).strip()).isEqualTo(user);
            assertThat(node.audit.await("sftp", e -> e.metadata().contains("\"action\":\"end\"")).metadata())
                    .contains("\"bytes_in\":");
            assertThat(node.audit.ofType("sftp")).extracting(NewAuditEvent::metadata).containsSubsequence(
                    "{\"action\":\"start\"}",
                    "{\"action\":\"open\",\"path\":\"upload.bin\",\"mode\":\"write\"}",
                    "{\"action\":\"open\",\"path\":\"upload.bin\",\"mode\":\"read\"}",
                    "{\"action\":\"mkdir\",\"path\":\"made\"}",
                    "{\"action\":\"rename\",\"path\":\"upload.bin\",\"target\":\"made/moved.bin\"}",
                    "{\"action\":\"remove\",\"path\":\"made/moved.bin\"}");
        } finally {
            TestUsers.delete(user);
        }
    }

    @Test
    void isRefusedWithTheReasonWhenTheRolesDoNotAllowFileCopy() throws Exception {
        node.access.actions.remove(SshAction.FILE_COPY);
        try (ClientSession session = client.login(node.address(), "root", alice,
                node.ca.user(alice, "alice", List.of("root")));
                ChannelSubsystem sftp = session.createSubsystemChannel("sftp")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            sftp.setOut(out);
            sftp.setErr(err);
            sftp.open().verify(TestClient.WAIT);
            sftp.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);

            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("mezd: file copy (scp, sftp) is not allowed "
                    + "on node-01: role \"dev\" does not allow FILE_COPY\n");
            assertThat(out.size()).isZero();
            assertThat(sftp.getExitStatus()).isEqualTo(1);
        }
        NewAuditEvent refused = node.audit.await("sftp");
        assertThat(refused.result()).isEqualTo("failure");
        assertThat(refused.metadata()).contains("\"action\":\"start\"").contains("does not allow FILE_COPY");
        assertThat(node.audit.ofType("session.start")).isEmpty();
    }
}
