package org.mezite.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mezite.ca.internal.CertificateAuthorityService;

/**
 * Two online nodes and one offline behind a stand-in proxy, with real CA-signed certificates:
 * <pre>
 * node-01  env=prod,team=db  logins alice, root
 * node-02  env=prod          login alice
 * node-03  env=dev           offline
 * </pre>
 * Each node's SFTP is rooted at its own directory.
 */
final class TestCluster implements AutoCloseable {

    final CertificateAuthorityService cas = TestCas.cluster();
    final TestNodeServer node1;
    final TestNodeServer node2;
    final TestProxyServer proxy;

    TestCluster(Path dir) throws IOException {
        node1 = new TestNodeServer(cas, "6f1c0e4a-0001", "node-01", Files.createDirectories(dir.resolve("node-01")));
        node2 = new TestNodeServer(cas, "6f1c0e4a-0002", "node-02", Files.createDirectories(dir.resolve("node-02")));
        proxy = new TestProxyServer(cas, List.of(
                new TestProxyServer.Node(node1.id, "node-01", "10.0.0.1:22", Map.of("env", "prod", "team", "db"),
                        node1, Set.of("alice", "root")),
                new TestProxyServer.Node(node2.id, "node-02", "10.0.0.2:22", Map.of("env", "prod"), node2,
                        Set.of("alice")),
                new TestProxyServer.Node("6f1c0e4a-0003", "node-03", "10.0.0.3:22", Map.of("env", "dev"), null,
                        Set.of("alice"))));
    }

    /** A fresh msh directory logged in as alice with logins alice and root. */
    Path login(Path parent) throws IOException {
        Path home = Files.createTempDirectory(parent, "msh");
        TestLogin.write(home, cas, List.of("alice", "root"), proxy.port());
        return home;
    }

    static MshRun.Result msh(Path home, String... args) {
        return MshRun.run(home, new byte[0], Clock.systemUTC(), Map.of(), args);
    }

    @Override
    public void close() throws IOException {
        proxy.close();
        node1.close();
        node2.close();
    }
}
