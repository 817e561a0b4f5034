package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * msh ls and msh ssh end to end against in-process stand-ins for the proxy's SSH port and two nodes' SSH servers,
 * with real CA-signed host and user certificates: the node session runs inside the proxy's channel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshEndToEndTest {

    private Path tmp;
    private TestCluster cluster;
    private TestProxyServer proxy;
    private TestNodeServer node2;
    private Path home;

    @BeforeAll
    void startCluster(@TempDir Path dir) throws Exception {
        tmp = dir;
        cluster = new TestCluster(dir);
        proxy = cluster.proxy;
        node2 = cluster.node2;
    }

    @AfterAll
    void stopCluster() throws Exception {
        cluster.close();
    }

    @BeforeEach
    void login() throws Exception {
        home = cluster.login(tmp);
        proxy.requests.clear();
    }

    @Test
    void lsPrintsTheReachableNodesAsATable() {
        MshRun.Result result = msh("ls");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(""
                + "NAME     ADDRESS      LABELS            ONLINE\n"
                + "node-01  10.0.0.1:22  env=prod,team=db  yes\n"
                + "node-02  10.0.0.2:22  env=prod          yes\n"
                + "node-03  10.0.0.3:22  env=dev           no\n");
    }

    @Test
    void lsFiltersByLabelsAndPrintsJson() {
        MshRun.Result result = msh("ls", "env=prod", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<NodeInfo> nodes = NodeInfo.parseList(result.out().getBytes(StandardCharsets.UTF_8));
        assertThat(nodes).extracting(NodeInfo::name).containsExactly("node-01", "node-02");
        assertThat(nodes.get(0).labels()).containsEntry("team", "db");
        assertThat(nodes.get(0).online()).isTrue();
    }

    @Test
    void sshRunsTheCommandAndExitsWithItsStatusKeepingStdoutAndStderrApart() {
        MshRun.Result result = msh("ssh", "node-01", "echo", "hello;", "echo", "oops", ">&2;", "exit", "3");

        assertThat(result.exitCode()).as(result.out() + "|" + result.err()).isEqualTo(3);
        assertThat(result.out()).isEqualTo("hello\n");
        assertThat(result.err()).isEqualTo("oops\n");
        assertThat(proxy.requests).containsExactly("proxy:alice@node-01:22");
    }

    @Test
    void sshSendsStandardInputUntilItsEnd() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(4).nextBytes(data);

        MshRun.Result result = MshRun.run(home, data, Clock.systemUTC(), Map.of(), "ssh", "node-02", "sha256sum");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith(sha256(data) + " ");
    }

    @Test
    void theLoginComesFromTheOptionThenTheTargetThenTheCertificate() {
        assertThat(msh("ssh", "--login=root", "node-01", "true").exitCode()).isZero();
        assertThat(msh("ssh", "root@node-01", "true").exitCode()).isZero();
        assertThat(msh("ssh", "-l", "root", "alice@node-01", "true").exitCode()).isZero();
        assertThat(msh("ssh", "node-01.test-cluster", "true").exitCode()).isZero();

        assertThat(proxy.requests).containsExactly("proxy:root@node-01:22", "proxy:root@node-01:22",
                "proxy:root@node-01:22", "proxy:alice@node-01:22");
    }

    @Test
    void aRefusalFromTheProxyIsItsOwnLineAndExitStatus255() {
        MshRun.Result denied = msh("ssh", "root@node-02", "true");
        MshRun.Result unknown = msh("ssh", "nosuch", "true");
        MshRun.Result offline = msh("ssh", "node-03", "true");

        assertThat(denied.exitCode()).isEqualTo(255);
        assertThat(denied.err()).isEqualTo("msh: access denied: you may not log in as \"root\" on node \"node-02\"\n");
        assertThat(unknown.exitCode()).isEqualTo(255);
        assertThat(unknown.err()).isEqualTo("msh: node \"nosuch\" not found\n");
        assertThat(offline.err()).isEqualTo("msh: node \"node-03\" is offline\n");
    }

    @Test
    void aLabelSelectorRunsOnEveryOnlineMatchingNodeWithPrefixedLines() {
        MshRun.Result result = msh("ssh", "alice@env=prod", "echo", "one;", "echo", "two", "$NODE");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).containsExactlyInAnyOrder("[node-01] one", "[node-01] two node-01",
                "[node-02] one", "[node-02] two node-02");
        assertThat(result.out().lines().filter(line -> line.startsWith("[node-01]")))
                .containsExactly("[node-01] one", "[node-01] two node-01");
    }

    @Test
    void aLabelSelectorExitsWithTheFirstFailingStatusAndPrefixesStderrToo() {
        MshRun.Result result = msh("ssh", "env=prod", "test", "$NODE", "!=", "node-02", "||",
                "{", "echo", "failing", ">&2;", "exit", "4;", "}");
        MshRun.Result none = msh("ssh", "env=staging", "true");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).isEqualTo("[node-02] failing\n");
        assertThat(none.exitCode()).isEqualTo(255);
        assertThat(none.err()).isEqualTo("msh: no online node matches env=staging\n");
    }

    @Test
    void anUnreachableProxyIsNamed() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        TestLogin.write(home, cluster.cas, List.of("alice"), closed);

        MshRun.Result result = msh("ls");

        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.err()).isEqualTo("msh: cannot reach the proxy's SSH port at 127.0.0.1:" + closed
                + ": nothing accepts connections there\n");
    }

    @Test
    void withoutALoginMshSaysSo() throws Exception {
        Files.delete(home.resolve("profile"));

        MshRun.Result result = msh("ssh", "node-01", "true");

        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.err()).isEqualTo("msh: not logged in; run msh login\n");
    }

    private MshRun.Result msh(String... args) {
        return TestCluster.msh(home, args);
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
