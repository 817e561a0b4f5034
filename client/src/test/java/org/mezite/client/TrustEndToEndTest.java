package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.ca.internal.CertificateAuthorityService;

/**
 * Who msh and, through {@code msh config}, stock OpenSSH trust: only host certificates from the cluster's host CA
 * naming the host connected to. Besides the good node-01: "impostor" has a certificate from another cluster's CA,
 * "plain" no certificate at all, "alias" a good certificate that does not name "alias".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustEndToEndTest {

    private final CertificateAuthorityService cas = TestCas.cluster();
    private final CertificateAuthorityService otherCluster = TestCas.cluster("other-cluster");
    private Path tmp;
    private TestNodeServer good;
    private TestNodeServer impostor;
    private TestNodeServer plain;
    private TestProxyServer proxy;
    private TestProxyServer foreignProxy;
    private Path home;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        tmp = dir;
        good = new TestNodeServer(cas, "6f1c0e4a-0001", "node-01", Files.createDirectories(dir.resolve("good")));
        impostor = new TestNodeServer(cas, otherCluster, "6f1c0e4a-0009", "impostor",
                Files.createDirectories(dir.resolve("impostor")));
        plain = new TestNodeServer(cas, null, "6f1c0e4a-0008", "plain", Files.createDirectories(dir.resolve("plain")));
        Set<String> logins = Set.of("alice");
        List<TestProxyServer.Node> nodes = List.of(
                new TestProxyServer.Node(good.id, "node-01", "10.0.0.1:22", Map.of(), good, logins),
                new TestProxyServer.Node(impostor.id, "impostor", "10.0.0.9:22", Map.of(), impostor, logins),
                new TestProxyServer.Node(plain.id, "plain", "10.0.0.8:22", Map.of(), plain, logins),
                new TestProxyServer.Node("6f1c0e4a-0007", "alias", "10.0.0.7:22", Map.of(), good, logins));
        proxy = new TestProxyServer(cas, nodes);
        foreignProxy = new TestProxyServer(cas, otherCluster, nodes);
    }

    @AfterAll
    void stop() throws Exception {
        proxy.close();
        foreignProxy.close();
        good.close();
        impostor.close();
        plain.close();
    }

    @BeforeEach
    void login() throws Exception {
        home = Files.createTempDirectory(tmp, "msh");
        TestLogin.write(home, cas, List.of("alice"), proxy.port());
    }

    @Test
    void mshRefusesNodesWithoutAValidCertificateOfTheClusterForTheirName() {
        MshRun.Result ok = TestCluster.msh(home, "ssh", "node-01", "echo", "trusted");
        MshRun.Result foreign = TestCluster.msh(home, "ssh", "impostor", "true");
        MshRun.Result noCertificate = TestCluster.msh(home, "ssh", "plain", "true");
        MshRun.Result wrongName = TestCluster.msh(home, "ssh", "alias", "true");

        assertThat(ok.out()).isEqualTo("trusted\n");
        assertThat(foreign.exitCode()).isEqualTo(255);
        assertThat(foreign.err()).startsWith("msh: node \"impostor\" is not trusted: its host certificate is signed by"
                + " SHA256:").contains("not by the host CA msh trusts for impostor.test-cluster");
        assertThat(noCertificate.exitCode()).isEqualTo(255);
        assertThat(noCertificate.err()).isEqualTo("msh: node \"plain\" is not trusted: it presented a plain host key,"
                + " not a host certificate of cluster test-cluster\n");
        assertThat(wrongName.exitCode()).isEqualTo(255);
        assertThat(wrongName.err()).startsWith("msh: node \"alias\" is not trusted:").contains("alias");
    }

    @Test
    void mshRefusesAProxyWithoutAValidCertificate() throws Exception {
        TestLogin.write(home, cas, List.of("alice"), foreignProxy.port());

        MshRun.Result result = TestCluster.msh(home, "ls");

        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.err()).startsWith("msh: the proxy at 127.0.0.1:" + foreignProxy.port() + " is not trusted:"
                + " its host certificate is signed by SHA256:");
    }

    @Test
    void configMakesStockOpenSshReachNodesThroughTheProxy() throws Exception {
        Path config = config();

        Run ssh = run("ssh", "-F", config.toString(), "-o", "BatchMode=yes", "alice@node-01.test-cluster",
                "echo", "via", "openssh");

        assertThat(ssh.status).as(ssh.err).isZero();
        assertThat(ssh.out).isEqualTo("via openssh\n");
        assertThat(proxy.requests).contains("direct-tcpip:node-01.test-cluster:22");
    }

    @Test
    void configMakesStockScpAndSftpWork() throws Exception {
        Path config = config();
        Path file = tmp.resolve("via-scp.txt");
        Files.writeString(file, "copied by stock scp\n");
        Path batch = tmp.resolve("sftp-batch");
        Files.writeString(batch, "get via-scp.txt " + tmp.resolve("back-via-sftp.txt") + "\n");

        Run scp = run("scp", "-F", config.toString(), "-o", "BatchMode=yes", file.toString(),
                "alice@node-01.test-cluster:via-scp.txt");
        Run sftp = run("sftp", "-F", config.toString(), "-o", "BatchMode=yes", "-b", batch.toString(),
                "alice@node-01.test-cluster");

        assertThat(scp.status).as(scp.err).isZero();
        assertThat(good.home.resolve("via-scp.txt")).hasContent("copied by stock scp");
        assertThat(sftp.status).as(sftp.err).isZero();
        assertThat(tmp.resolve("back-via-sftp.txt")).hasContent("copied by stock scp");
    }

    @Test
    void configMakesRsyncOverSshWork() throws Exception {
        Path config = config();
        Path tree = Files.createDirectories(tmp.resolve("rsync-tree/sub"));
        Files.writeString(tree.resolve("file.txt"), "synced by rsync\n");

        Run rsync = run("rsync", "-a", "-e", "ssh -F " + config + " -o BatchMode=yes",
                tmp.resolve("rsync-tree").toString(), "alice@node-01.test-cluster:" + good.home + "/");

        assertThat(rsync.status).as(rsync.err).isZero();
        assertThat(good.home.resolve("rsync-tree/sub/file.txt")).hasContent("synced by rsync");
    }

    @Test
    void stockOpenSshRefusesANodeWithoutAValidCertificate() throws Exception {
        Path config = config();

        Run plainNode = run("ssh", "-F", config.toString(), "-o", "BatchMode=yes", "alice@plain.test-cluster",
                "true");
        Run foreignNode = run("ssh", "-F", config.toString(), "-o", "BatchMode=yes", "alice@impostor.test-cluster",
                "true");

        assertThat(plainNode.status).isEqualTo(255);
        assertThat(plainNode.err).contains("Host key verification failed");
        assertThat(foreignNode.status).isEqualTo(255);
        assertThat(foreignNode.err).contains("Host key verification failed");
    }

    private Path config() throws Exception {
        MshRun.Result result = TestCluster.msh(home, "config");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return Files.writeString(tmp.resolve("ssh_config-" + System.nanoTime()), result.out());
    }

    private record Run(int status, String out, String err) {
    }

    private Run run(String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of(command));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("HOME", tmp.toString());
        builder.environment().remove("SSH_AUTH_SOCK");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " ends").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
