package org.mezite.tunnel.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;

import org.mezite.api.node.NodeCredentials;
import org.mezite.api.node.NodeIdentityProvider;
import org.mezite.api.node.NodeSshEndpoint;
import org.mezite.ca.tls.Addresses;
import org.mezite.proto.tunnel.v1.ProxyHello;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the agent's one tunnel to the proxy open: connects with the node's newest credentials, heartbeats, and after
 * any loss reconnects with jittered exponential back-off ({@link Backoff}). When the node's TLS certificate is
 * renewed it opens a new tunnel with it and lets the old one drain, so sessions in flight are not cut. Every state
 * change is logged once: a hub that stays down for an hour leaves a warning, not a line per attempt.
 *
 * <p>All state lives on one thread; the links' callbacks hop onto it.
 */
final class TunnelAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TunnelAgent.class);

    private final NodeIdentityProvider identity;
    private final NodeSshEndpoint endpoint;
    private final String version;
    private final ReconnectPolicy policy;
    private final Clock clock;
    private final Backoff backoff;
    private final ScheduledExecutorService thread;
    private final ProxyLink.Listener events = new Events();
    // only touched on thread
    private ProxyLink link;
    private ProxyLink successor;
    private final List<ProxyLink> draining = new ArrayList<>();
    private ScheduledFuture<?> ticker;
    private boolean up;
    private boolean successorFailed;
    private boolean everUp;
    private String lastProblem;
    private int failedAttempts;
    private boolean stopped;

    TunnelAgent(NodeIdentityProvider identity, NodeSshEndpoint endpoint, String version, ReconnectPolicy policy,
            Clock clock, DoubleSupplier random) {
        this.identity = identity;
        this.endpoint = endpoint;
        this.version = version;
        this.policy = policy;
        this.clock = clock;
        this.backoff = new Backoff(policy.initialBackoff(), policy.maxBackoff(), random);
        this.thread = Executors.newSingleThreadScheduledExecutor(Threads.daemon("mezd-tunnel-"));
    }

    void start() {
        thread.execute(this::connect);
    }

    private void connect() {
        if (stopped) {
            return;
        }
        NodeCredentials credentials;
        try {
            credentials = identity.current();
        } catch (RuntimeException e) {
            lost("the node's identity is not available: " + e.getMessage(), "(unknown)");
            return;
        }
        try {
            link = open(credentials);
        } catch (RuntimeException e) {
            lost("cannot set up the connection: " + e.getMessage(), Addresses.format(credentials.proxyTunnel()));
        }
    }

    private ProxyLink open(NodeCredentials credentials) {
        ProxyLink opened = ProxyLink.open(credentials, endpoint, version, events, clock);
        thread.schedule(() -> {
            if (!opened.isUp()) {
                opened.abort("the proxy did not answer the hello within " + policy.helloTimeout().toSeconds() + " s");
            }
        }, policy.helloTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return opened;
    }

    private void wentUp(ProxyLink from, ProxyHello hello) {
        if (stopped) {
            return;
        }
        if (from == successor) {
            ProxyLink old = link;
            link = from;
            successor = null;
            successorFailed = false;
            if (old != null) {
                old.drain();
                draining.add(old);
            }
            LOG.info("tunnel to proxy {} now uses the node's renewed certificate", from.describe());
            tickEvery(from.heartbeat());
            return;
        }
        if (from != link) {
            return;
        }
        backoff.reset();
        LOG.info("tunnel to proxy {} is up{}{}", from.describe(), everUp ? " again" : "",
                failedAttempts == 0 ? "" : " after " + (failedAttempts + 1) + " attempts");
        everUp = true;
        failedAttempts = 0;
        lastProblem = null;
        up = true;
        tickEvery(from.heartbeat());
    }

    private void wentDown(ProxyLink from, String why) {
        if (draining.contains(from)) {
            return;
        }
        if (from == successor) {
            successor = null;
            from.close();
            if (link != null) {
                if (!successorFailed) {
                    LOG.warn("cannot open a tunnel with the node's renewed certificate, keeping the current one: {}",
                            why);
                    successorFailed = true;
                }
                return;
            }
        } else if (from == link && successor != null) {
            // the proxy ends the old control stream once the renewed one has said hello: keep its connections
            link = null;
            from.drain();
            draining.add(from);
            stopTicking();
            return;
        } else if (from == link) {
            link = null;
            from.close();
        } else {
            return;
        }
        stopTicking();
        if (!stopped) {
            lost(why, from.describe());
        }
    }

    /** Schedules the next attempt, and says so when something changed. */
    private void lost(String why, String proxy) {
        if (up) {
            LOG.warn("tunnel to proxy {} lost: {}; reconnecting", proxy, why);
            up = false;
        } else {
            failedAttempts++;
            if (!why.equals(lastProblem)) {
                LOG.warn("cannot open the tunnel to proxy {}: {}; retrying with back-off (at most {} s apart)",
                        proxy, why, policy.maxBackoff().toSeconds());
            } else {
                LOG.debug("tunnel to proxy {} still down: {}", proxy, why);
            }
        }
        lastProblem = why;
        Duration wait = backoff.next();
        thread.schedule(this::connect, wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void tickEvery(Duration period) {
        stopTicking();
        ticker = thread.scheduleAtFixedRate(this::tick, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void stopTicking() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
    }

    private void tick() {
        if (link == null) {
            return;
        }
        link.heartbeat(clock.instant());
        draining.removeIf(ProxyLink::closeIfDrained);
        if (successor == null && link.isUp()) {
            try {
                NodeCredentials credentials = identity.current();
                if (!credentials.tlsChain().get(0).equals(link.certificate())) {
                    successor = open(credentials);
                }
            } catch (RuntimeException e) {
                LOG.debug("cannot move the tunnel to the renewed certificate now: {}", e.getMessage());
            }
        }
    }

    /** Closes the tunnel and every connection through it, and stops its threads. */
    @Override
    public void close() {
        try {
            thread.submit(() -> {
                stopped = true;
                stopTicking();
                if (link != null) {
                    link.close();
                    LOG.info("tunnel to proxy {} closed: the agent is stopping", link.describe());
                    link = null;
                }
                if (successor != null) {
                    successor.close();
                    successor = null;
                }
                draining.forEach(ProxyLink::close);
                draining.clear();
            }).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.warn("closing the tunnel did not finish cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Events implements ProxyLink.Listener {

        @Override
        public void up(ProxyLink from, ProxyHello hello) {
            run(() -> wentUp(from, hello));
        }

        @Override
        public void down(ProxyLink from, String why) {
            run(() -> wentDown(from, why));
        }

        private void run(Runnable task) {
            try {
                thread.execute(task);
            } catch (RejectedExecutionException e) {
                // stopping: close() takes care of the links
            }
        }
    }
}
