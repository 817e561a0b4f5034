package org.mezite.node.internal;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.node.NodeIdentityProvider;
import org.mezite.api.node.NodeSshEndpoint;
import org.mezite.api.recording.SessionRecorder;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The node's SSH server in the agent, once the node has joined (a {@link NodeIdentityProvider} is registered) and
 * the agent has an {@link AccessPolicySource} (which it registers when joined too, serving the policy it cached on
 * disk while Auth cannot be reached): the tunnel reaches it through the {@link NodeSshEndpoint} this registers;
 * {@code mezite.agent.ssh_listen} opens it for direct connections too, and {@code mezite.agent.client_idle_timeout}
 * closes idle connections. Immediate: the server runs from the moment the node has joined, not from the first use of
 * the endpoint.
 *
 * <p>Terminal sessions are recorded by the {@link SessionRecorder} there is when each one starts. The recorder is
 * optional and dynamic: without one sessions are not recorded, and one that goes away or is replaced (the agent
 * bundle updated) neither restarts the server nor disturbs the sessions running, which keep the recording they
 * started with.
 */
@Component(service = NodeSshEndpoint.class, immediate = true)
public final class NodeSshServer implements NodeSshEndpoint {

    private final NodeSshService service;
    /** Set before the constructor body runs: the server, started there, asks it for each session. */
    private final AtomicReference<SessionRecorder> recorder = new AtomicReference<>();

    /**
     * @throws IOException              when the server cannot listen on an address (named in the message)
     * @throws IllegalArgumentException naming the framework property that is malformed
     */
    @Activate
    public NodeSshServer(@Reference(name = "identity") NodeIdentityProvider identity,
            @Reference(name = "access") AccessChecker access,
            @Reference(name = "policies") AccessPolicySource policies, @Reference(name = "audit") AuditRecorder audit,
            BundleContext context) throws IOException {
        NodeSshSettings settings = NodeSshSettings.from(context::getProperty);
        // MINA loads its security providers by name through the context class loader, and its threads inherit it:
        // it must be this bundle's, which sees MINA's classes as this bundle does, not the launcher's
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(NodeSshServer.class.getClassLoader());
        try {
            service = new NodeSshService(identity, access, policies, audit, recorder::get, settings,
                    HostPrograms.find(), Path.of("/tmp"), Clock.systemUTC());
            service.start();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Reference(name = "recorder", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRecorder(SessionRecorder bound) {
        recorder.set(bound);
    }

    void unbindRecorder(SessionRecorder unbound) {
        // a replacement may have been bound before this one goes: keep it
        recorder.compareAndSet(unbound, null);
    }

    @Override
    public Socket connect(String clientAddress, String proxyId) throws IOException {
        return service.connect(clientAddress, proxyId);
    }

    @Deactivate
    void stop() {
        service.close();
    }
}
