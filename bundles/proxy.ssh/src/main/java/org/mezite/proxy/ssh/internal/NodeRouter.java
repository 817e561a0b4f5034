package org.mezite.proxy.ssh.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.apache.sshd.common.SshConstants;
import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;
import org.mezite.api.join.RegisteredNode;
import org.mezite.api.tunnel.NodeOfflineException;
import org.mezite.api.tunnel.NodeTunnels;
import org.mezite.api.tunnel.TunnelConnection;
import org.mezite.api.tunnel.TunnelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a user to a node's SSH server: finds the node, asks the access checker whether the user may reach it (with
 * the login when the request names one), and dials it through its tunnel. Looking up nodes and checking access may
 * touch the database, so they run on the proxy's worker threads, never on the SSH server's.
 */
final class NodeRouter {

    /** A node reached, and the connection to its SSH server. */
    record Route(RegisteredNode node, TunnelConnection connection) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(NodeRouter.class);

    private final NodeResolver resolver;
    private final AccessChecker access;
    private final NodeTunnels tunnels;
    private final ProxyAudit audit;
    private final Executor executor;

    NodeRouter(NodeResolver resolver, AccessChecker access, NodeTunnels tunnels, ProxyAudit audit, Executor executor) {
        this.resolver = resolver;
        this.access = access;
        this.tunnels = tunnels;
        this.audit = audit;
        this.executor = executor;
    }

    /**
     * @param live the channel's entry among its connection's routes: given the login and node before the access
     *             check, so that a lock appearing meanwhile is not missed
     * @param via  how the client asked, for audit: {@code direct-tcpip} or {@code subsystem}
     * @return completes with the route, or fails with {@link RouteRefusedException} whose message is for the user
     */
    CompletableFuture<Route> route(SshUser user, LiveRoutes.Route live, NodeRequest request, String clientAddress,
            String via) {
        CompletableFuture<RegisteredNode> allowed;
        try {
            allowed = CompletableFuture.supplyAsync(() -> allowedNode(user, live, request, clientAddress), executor);
        } catch (RuntimeException e) { // the proxy is stopping
            return CompletableFuture.failedFuture(new RouteRefusedException("the proxy is shutting down"));
        }
        return allowed.thenCompose(node -> dial(user, request, node, clientAddress, via))
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(refusal(error, request)));
    }

    private RegisteredNode allowedNode(SshUser user, LiveRoutes.Route live, NodeRequest request,
            String clientAddress) {
        if (!request.isSshPort()) {
            throw new RouteRefusedException("port " + request.port() + " on \"" + request.host() + "\": the proxy"
                    + " connects only to nodes' SSH servers (port 22)", SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED);
        }
        RegisteredNode node = resolver.resolve(request.host());
        SshTarget target = new SshTarget(node.id(), node.name(), node.labels());
        live.target(request.login(), target);
        // the login is null for a ProxyJump: may the user reach the node with some login? The node asks again with it
        AccessDecision decision = access.checkLogin(user, request.login(), target);
        if (!decision.allowed()) {
            audit.rejected(user, request.login(), node, clientAddress, decision.reason());
            LOG.info("proxy-ssh: {} from {} denied node {} ({}){}: {}", user.username(), clientAddress, node.name(),
                    node.id(), request.login() == null ? "" : " as " + request.login(), decision.reason());
            throw new RouteRefusedException("access to node \"" + node.name() + "\" denied: " + decision.reason(),
                    SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED);
        }
        return node;
    }

    private CompletableFuture<Route> dial(SshUser user, NodeRequest request, RegisteredNode node,
            String clientAddress, String via) {
        CompletableFuture<TunnelConnection> dialled;
        try {
            dialled = tunnels.dial(node.id(), clientAddress);
        } catch (RuntimeException e) {
            dialled = CompletableFuture.failedFuture(e);
        }
        return dialled.handle((connection, error) -> {
            if (error != null) {
                throw new CompletionException(dialFailure(unwrap(error), node));
            }
            audit.connected(user, request.login(), node, clientAddress, via);
            return new Route(node, connection);
        });
    }

    private static RouteRefusedException dialFailure(Throwable error, RegisteredNode node) {
        if (error instanceof NodeOfflineException) {
            return new RouteRefusedException("node \"" + node.name() + "\" is offline");
        }
        if (error instanceof TunnelException) {
            return new RouteRefusedException("cannot reach node \"" + node.name() + "\": " + error.getMessage());
        }
        LOG.error("proxy-ssh: dialling node {} ({}) failed", node.name(), node.id(), error);
        return new RouteRefusedException("cannot reach node \"" + node.name() + "\": internal error (see the hub's"
                + " log)");
    }

    private static RouteRefusedException refusal(Throwable error, NodeRequest request) {
        Throwable cause = unwrap(error);
        if (cause instanceof RouteRefusedException refused) {
            return refused;
        }
        LOG.error("proxy-ssh: routing to \"{}\" failed", request.host(), cause);
        return new RouteRefusedException("cannot connect to \"" + request.host() + "\": internal error (see the"
                + " hub's log)");
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
