package org.mezite.agent.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.proto.auth.v1.NodeAuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.protobuf.Timestamp;


/**
 * The agent's audit recorder: events wait in a bounded queue and one thread ships them to Auth in batches, in order,
 * trying a batch again (with back-off) until Auth takes it. Recording never blocks a session: when the queue is full
 * (Auth away for long) new events are dropped with a warning, once per outage.
 */
final class HubAuditShipper implements AuditRecorder, AutoCloseable {

    static final int CAPACITY = 10_000;
    private static final int BATCH = 200;
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    private static final Duration FLUSH_ON_CLOSE = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(HubAuditShipper.class);

    private final BlockingQueue<NewAuditEvent> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Consumer<List<NodeAuditEvent>> hub;
    private final Thread sender;
    private volatile boolean closing;
    private volatile boolean dropping;

    /** @param hub sends one batch to Auth, throwing when Auth did not take it */
    HubAuditShipper(Consumer<List<NodeAuditEvent>> hub) {
        this.hub = hub;
        this.sender = new Thread(this::run, "mezd-audit");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void record(NewAuditEvent event) {
        if (queue.offer(event)) {
            return;
        }
        if (!dropping) {
            dropping = true;
            LOG.warn("audit: {} events wait for the hub; dropping new ones (first dropped: {} for {}) until it takes"
                    + " them", CAPACITY, event.type(), event.username());
        }
    }

    private void run() {
        List<NewAuditEvent> batch = new ArrayList<>(BATCH);
        Duration wait = FIRST_RETRY;
        boolean away = false;
        while (true) {
            try {
                if (batch.isEmpty()) {
                    NewAuditEvent first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        if (closing) {
                            return;
                        }
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                hub.accept(batch.stream().map(HubAuditShipper::wire).toList());
                batch.clear();
                wait = FIRST_RETRY;
                dropping = false;
                if (away) {
                    away = false;
                    LOG.info("audit: the hub takes events again");
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // whatever went wrong with one send, the thread must live on: a dead sender would silently drop every
                // later event
                if (closing) {
                    LOG.warn("audit: {} events not sent to the hub before stopping: {}", batch.size() + queue.size(),
                            e.getMessage());
                    return;
                }
                if (!away) {
                    away = true;
                    LOG.warn("audit: cannot send events to the hub, keeping them and trying again: {}",
                            e.getMessage());
                }
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    static NodeAuditEvent wire(NewAuditEvent event) {
        NodeAuditEvent.Builder wire = NodeAuditEvent.newBuilder().setType(event.type()).setResult(event.result())
                .setMetadata(event.metadata());
        Instant time = event.time() == null ? Instant.now() : event.time();
        wire.setTime(Timestamp.newBuilder().setSeconds(time.getEpochSecond()).setNanos(time.getNano()));
        if (event.code() != null) {
            wire.setCode(event.code());
        }
        if (event.username() != null) {
            wire.setUsername(event.username());
        }
        if (event.login() != null) {
            wire.setLogin(event.login());
        }
        if (event.sessionId() != null) {
            wire.setSessionId(event.sessionId());
        }
        if (event.clientAddr() != null) {
            wire.setClientAddr(event.clientAddr());
        }
        if (event.resource() != null) {
            wire.setResource(event.resource());
        }
        if (event.action() != null) {
            wire.setAction(event.action());
        }
        return wire.build();
    }

    /** Gives queued events a few seconds to reach the hub, then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            sender.join(FLUSH_ON_CLOSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.interrupt();
    }
}
