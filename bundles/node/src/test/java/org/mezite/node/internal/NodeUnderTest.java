package org.mezite.node.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

import org.mezite.api.node.NodeCredentials;
import org.mezite.api.recording.SessionRecorder;

/**
 * The node's SSH server with a test CA's credentials, a settable access checker, a policy source to publish to and a
 * recording audit, and a session recorder a test may set.
 */
final class NodeUnderTest implements AutoCloseable {

    static final String NODE_ID = "0b7c1d2e-node-01";
    static final String NODE_NAME = "node-01";

    final TestCa ca = new TestCa();
    final TestPolicySource policies = new TestPolicySource();
    final TestAccess access = new TestAccess(policies);
    final RecordingAudit audit = new RecordingAudit();
    final AtomicReference<NodeCredentials> credentials = new AtomicReference<>(ca.node(NODE_ID, NODE_NAME));
    final AtomicReference<SessionRecorder> recorder = new AtomicReference<>();
    final NodeSshService service;

    /** @param clock the node's clock, which may be ahead of the client's */
    NodeUnderTest(NodeSshSettings settings, Clock clock) throws IOException {
        service = new NodeSshService(credentials::get, access, policies, audit, recorder::get, settings,
                HostPrograms.find(), Path.of("/tmp"), clock);
        service.start();
    }

    NodeUnderTest(NodeSshSettings settings) throws IOException {
        this(settings, Clock.systemUTC());
    }

    NodeUnderTest() throws IOException {
        this(NodeSshSettings.none());
    }

    InetSocketAddress address() {
        return service.tunnelAddress();
    }

    @Override
    public void close() {
        service.close();
    }
}
