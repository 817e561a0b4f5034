package org.mezite.node.internal;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.node.NodeIdentityProvider;
import org.mezite.api.node.NodeSshEndpoint;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The node's SSH server in the agent, once the node has joined (a {@link NodeIdentityProvider} is registered) and
 * the agent has an {@link AccessPolicySource} (which it registers when joined too, serving the policy it cached on
 * disk while Auth cannot be reached): the tunnel reaches it through the {@link NodeSshEndpoint} this registers;
 * {@code mezite.agent.ssh_listen} opens it for direct connections too, and {@code mezite.agent.client_idle_timeout}
 * closes idle connections. Immediate: the server runs from the moment the node has joined, not from the first use of
 * the endpoint.
 */
@Component(service = NodeSshEndpoint.class, immediate = true)
public final class NodeSshServer implements NodeSshEndpoint {

    private final NodeSshService service;

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
            service = new NodeSshService(identity, access, policies, audit, settings, HostPrograms.find(),
                    Path.of("/tmp"), Clock.systemUTC());
            service.start();
        } finally {
            thread.setContextClassLoader(previous);
        }
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
