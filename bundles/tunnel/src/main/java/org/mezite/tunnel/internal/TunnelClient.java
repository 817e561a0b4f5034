package org.mezite.tunnel.internal;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import org.mezite.api.node.NodeIdentityProvider;
import org.mezite.api.node.NodeSshEndpoint;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The agent's end of the reverse tunnel: once the node has joined ({@link NodeIdentityProvider}) and its SSH server
 * runs ({@link NodeSshEndpoint}), keeps one mutual-TLS connection to the proxy at
 * {@link org.mezite.api.node.NodeCredentials#proxyTunnel()} ({@link TunnelAgent}) and pipes each connection the proxy
 * dials to the node's SSH server. Both services exist only in the agent, so this never starts inside the hub.
 */
@Component(immediate = true, service = {})
public final class TunnelClient {

    private final TunnelAgent agent;

    @Activate
    public TunnelClient(BundleContext context, @Reference(name = "identity") NodeIdentityProvider identity,
            @Reference(name = "endpoint") NodeSshEndpoint endpoint) {
        this(identity, endpoint, version(context), ReconnectPolicy.DEFAULT);
    }

    TunnelClient(NodeIdentityProvider identity, NodeSshEndpoint endpoint, String version, ReconnectPolicy policy) {
        agent = new TunnelAgent(identity, endpoint, version, policy, Clock.systemUTC(),
                () -> ThreadLocalRandom.current().nextDouble());
        agent.start();
    }

    /** The Mezite version of this bundle, e.g. {@code 0.1.0-SNAPSHOT}. */
    private static String version(BundleContext context) {
        String header = context.getBundle().getHeaders().get("Mezite-Version");
        return header != null ? header : context.getBundle().getVersion().toString();
    }

    @Deactivate
    void deactivate() {
        agent.close();
    }
}
