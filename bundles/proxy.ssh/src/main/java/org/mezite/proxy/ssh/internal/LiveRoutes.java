package org.mezite.proxy.ssh.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.mezite.api.access.SshTarget;

/**
 * The nodes one SSH connection reaches through the proxy, or is being connected to: what a new lock is checked
 * against. A channel opens its route before the access check and closes it when it closes, so that a lock that
 * appears while the check runs is seen either by the check or by {@link LockEnforcement}.
 */
final class LiveRoutes {

    /** A route's login and node, once the node is known. */
    record Target(String login, SshTarget node) {
    }

    /** One channel's route. */
    static final class Route {

        private final Function<String, CompletableFuture<Void>> tell;
        private volatile Target target;

        private Route(Function<String, CompletableFuture<Void>> tell) {
            this.tell = tell;
        }

        /** @param login the login, {@code null} for a ProxyJump, which does not show it to the proxy */
        void target(String login, SshTarget node) {
            target = new Target(login, node);
        }

        /** The login and node, or {@code null} while the node is being looked up. */
        Target target() {
            return target;
        }

        /** Tells the user why the route ends, as the channel can; completes when it has been said. */
        CompletableFuture<Void> tell(String message) {
            try {
                return tell.apply(message);
            } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(null);
            }
        }
    }

    private final Set<Route> routes = ConcurrentHashMap.newKeySet();

    /** @param tell says a message to the channel's user, e.g. on its standard error, and ends it */
    Route open(Function<String, CompletableFuture<Void>> tell) {
        Route route = new Route(tell);
        routes.add(route);
        return route;
    }

    void close(Route route) {
        if (route != null) {
            routes.remove(route);
        }
    }

    List<Route> list() {
        return List.copyOf(routes);
    }
}
