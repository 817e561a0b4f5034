package org.mezite.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.node.NodeCredentials;
import org.mezite.api.node.NodeIdentityProvider;
import org.mezite.api.node.NodeSshEndpoint;
import org.mezite.api.recording.SessionRecorder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The built org.mezite.node bundle in Felix with what mezd runs beside it (MINA SSHD, BouncyCastle, SCR, logging):
 * once the node's identity, access checker and audit recorder are there, it offers its endpoint, and a session on a
 * real terminal works through it, recorded by a session recorder registered later, pty4j, JNA and their native libraries coming from inside the bundle.
 */
class NodeBundleIT {

    @TempDir
    Path tmp;

    private Framework framework;

    @BeforeEach
    void startFramework() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.mezite.api.node;version=1.0.0,"
                + "org.mezite.api.access;version=2.0.0,org.mezite.api.audit;version=1.1.0,"
                + "org.mezite.api.store;version=2.0.0,org.mezite.api.recording;version=1.0.0");
        config.put("org.ops4j.pax.logging.DefaultServiceLog.level", "INFO");
        framework = new FrameworkFactory().newFramework(config);
        framework.start();
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(30_000);
    }

    @Test
    void servesATerminalSessionThroughItsEndpoint() throws Exception {
        BundleContext context = framework.getBundleContext();
        List<Bundle> bundles = installAndStartAll(context);
        assertThat(bundles).allSatisfy(b -> assertThat(b.getState()).as(b.getSymbolicName()).isEqualTo(Bundle.ACTIVE));

        TestCa ca = new TestCa();
        NodeCredentials credentials = ca.node(NodeUnderTest.NODE_ID, NodeUnderTest.NODE_NAME);
        RecordingAudit audit = new RecordingAudit();
        TestPolicySource policies = new TestPolicySource();
        context.registerService(AccessChecker.class, new TestAccess(policies), null);
        context.registerService(AuditRecorder.class, audit, null);
        context.registerService(NodeIdentityProvider.class, () -> credentials, null);
        assertThat(context.getServiceReferences(NodeSshEndpoint.class, null)).as("without a policy source").isEmpty();
        context.registerService(AccessPolicySource.class, policies, null);
        NodeSshEndpoint endpoint = service(context, NodeSshEndpoint.class);
        assertThat(policies.subscribers()).isEqualTo(1);
        // a recorder that comes after the server: the server takes it without restarting
        TestRecorder recorder = new TestRecorder();
        context.registerService(SessionRecorder.class, recorder, null);

        KeyPair alice = TestCa.ed25519();
        try (TestClient client = new TestClient();
                Relay tunnel = new Relay(() -> endpoint.connect("198.51.100.4:40000", "proxy-1"));
                ClientSession session = client.login(tunnel.address(), "root", alice,
                        ca.user(alice, "alice", List.of("root")))) {
            PtyChannelConfiguration terminal = new PtyChannelConfiguration();
            terminal.setPtyColumns(100);
            terminal.setPtyLines(30);
            ChannelShell shell = session.createShellChannel(terminal, Map.of());
            shell.open().verify(TestClient.WAIT);
            Screen screen = new Screen(shell.getInvertedOut());
            OutputStream keys = shell.getInvertedIn();
            keys.write("tty; stty size; exit 4\n".getBytes(StandardCharsets.UTF_8));
            keys.flush();

            screen.await("^/dev/pts/[0-9]+\r?$");
            screen.await("^30 100\r?$");
            shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TestClient.WAIT);
            assertThat(shell.getExitStatus()).isEqualTo(4);
        }
        assertThat(audit.await("session.end").clientAddr()).isEqualTo("198.51.100.4");
        TestRecorder.Fed recorded = recorder.next();
        assertThat(recorded.awaitEnd()).isTrue();
        assertThat(recorded.output()).contains("30 100");
        assertThat(recorded.header.columns()).isEqualTo(100);

        bundles.stream().filter(b -> "org.mezite.node".equals(b.getSymbolicName())).findFirst().orElseThrow().stop();
        assertThat(context.getServiceReferences(NodeSshEndpoint.class, null)).isEmpty();
        assertThat(policies.subscribers()).as("unsubscribed when stopped").isZero();
    }

    private static <T> T service(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(30_000);
            assertThat(service).as(type.getSimpleName() + " service").isNotNull();
            return service;
        } finally {
            tracker.close();
        }
    }

    private static List<Bundle> installAndStartAll(BundleContext context) throws Exception {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("it.bundles", "target/it-bundles")))) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        jars.add(Path.of(System.getProperty("node.bundle", "target/org.mezite.node.jar")));
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            bundles.add(context.installBundle(jar.toUri().toString()));
        }
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        return bundles;
    }

}
