package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.mezite.api.hub.HubSettings;

/**
 * The proxy's SSH server as the hub runs it, with the real CAs and fakes for the node registry, the tunnels, access
 * (with the locks of a policy the test sets) and audit. Nodes: {@code node-01} (a MINA SSH server, env=dev), {@code db-01} (an echo server, env=prod),
 * {@code secret-01} (closed to everyone), {@code offline-01} (no tunnel) and two nodes both named {@code web}.
 */
final class RunningProxy implements AutoCloseable {

    static final String NODE_01 = "0a1b2c3d-0000-4000-8000-000000000001";
    static final String DB_01 = "0a1b2c3d-0000-4000-8000-000000000002";
    static final String SECRET_01 = "0a1b2c3d-0000-4000-8000-000000000003";
    static final String OFFLINE_01 = "0a1b2c3d-0000-4000-8000-000000000004";
    static final String WEB_A = "0a1b2c3d-0000-4000-8000-00000000000a";
    static final String WEB_B = "0a1b2c3d-0000-4000-8000-00000000000b";

    final Path dataDir;
    final RecordingBundleContext context = new RecordingBundleContext("0.1.0");
    final FakeNodeRegistry registry = new FakeNodeRegistry();
    final FakeNodeTunnels tunnels = new FakeNodeTunnels();
    final FakeAccessPolicySource policies = new FakeAccessPolicySource();
    final FakeAccessChecker access = new FakeAccessChecker(Set.of("secret-01"), policies);
    final RecordingAuditRecorder audit = new RecordingAuditRecorder();
    /** The hub's recordings; bound to the server only by the tests that want them ({@code bindRecordings}). */
    final FakeRecordings recordings = new FakeRecordings();
    final NodeSshServer node;
    final EchoServer echo;
    final ProxySshServer server;

    RunningProxy() throws IOException {
        this(TestHub.tempDir(), Map.of(), null);
    }

    /** @param nodeId when set, the node-01 server presents a host certificate for this id */
    RunningProxy(Path dataDir, Map<String, Object> config, String nodeCertificateId) throws IOException {
        this.dataDir = dataDir;
        node = NodeSshServer.start("node-01", nodeCertificateId);
        echo = new EchoServer();
        registry.add(NODE_01, "node-01", "10.0.0.1", Map.of("env", "dev"));
        registry.add(DB_01, "db-01", "10.0.0.2", Map.of("env", "prod", "team", "data"));
        registry.add(SECRET_01, "secret-01", "10.0.0.3", Map.of("env", "prod"));
        registry.add(OFFLINE_01, "offline-01", null, Map.of("env", "dev"));
        registry.add(WEB_A, "web", "10.0.0.10", Map.of());
        registry.add(WEB_B, "web", "10.0.0.11", Map.of());
        tunnels.connect(NODE_01, node.address());
        tunnels.connect(DB_01, echo.address());
        tunnels.connect(SECRET_01, echo.address());
        tunnels.connect(WEB_A, echo.address());
        server = start(TestHub.settings(dataDir), config);
    }

    ProxySshServer start(HubSettings settings, Map<String, Object> config) throws IOException {
        return new ProxySshServer(context.context(), new HashMap<>(config), settings, TestHub.cas(), TestHub.cas(),
                registry, tunnels, access, policies, audit, "proxy-host.example", Clock.systemUTC());
    }

    int port() {
        return server.address().getPort();
    }

    @Override
    public void close() throws IOException {
        server.deactivate();
        policies.close();
        node.close();
        echo.close();
    }
}
