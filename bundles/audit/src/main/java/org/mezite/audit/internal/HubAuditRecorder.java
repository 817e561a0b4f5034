package org.mezite.audit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.mezite.api.audit.AuditListener;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.store.AuditEvent;
import org.mezite.api.store.AuditEventRepository;
import org.mezite.api.store.NewAuditEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's audit recorder: the event is in the store when {@link #record} returns, and from there it is handed to
 * every {@link AuditListener} service, each on a {@link ListenerFeed} of its own, so that a slow or failing listener
 * never holds up the login or session that is being audited.
 */
@Component(service = AuditRecorder.class, configurationPid = HubAuditRecorder.PID)
@Designate(ocd = AuditConfig.class)
public final class HubAuditRecorder implements AuditRecorder {

    static final String PID = "org.mezite.audit";
    /** How long an unbound listener gets to take what was queued for it. */
    static final Duration UNBIND_GRACE = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(HubAuditRecorder.class);
    private static final String SERVICE_ID = "service.id";
    private static final String COMPONENT_NAME = "component.name";

    private final AuditEventRepository events;
    private final ListenerFeed.Warnings warnings;
    private final LongSupplier nanoTime;
    private final Duration unbindGrace;
    /** Feeds by the listener's service.id. */
    private final Map<Long, ListenerFeed> feeds = new ConcurrentHashMap<>();
    /**
     * Held from append to hand-over, so that every listener sees events in the order of the log. The store
     * serializes appends on the chain's head anyway, so this costs no throughput.
     */
    private final Object order = new Object();
    private volatile int queueSize;

    @Activate
    public HubAuditRecorder(@Reference(name = "events") AuditEventRepository events, AuditConfig config) {
        this(events, config.listener__queue__size(), (message, cause) -> LOG.warn(message, cause), System::nanoTime,
                UNBIND_GRACE);
    }

    HubAuditRecorder(AuditEventRepository events, int queueSize, ListenerFeed.Warnings warnings,
            LongSupplier nanoTime, Duration unbindGrace) {
        this.events = events;
        this.queueSize = ListenerQueueSize.of(queueSize);
        this.warnings = warnings;
        this.nanoTime = nanoTime;
        this.unbindGrace = unbindGrace;
    }

    /**
     * A new queue size applies to listeners bound from now on; the ones running keep their queue. An invalid value
     * edited in while the hub runs is logged and the size in use kept: stopping the recorder then would stop every
     * login and session that has to be audited.
     */
    @Modified
    void configure(AuditConfig config) {
        try {
            queueSize = ListenerQueueSize.of(config.listener__queue__size());
        } catch (IllegalArgumentException e) {
            LOG.error("{}; audit listeners keep a queue of {} events", e.getMessage(), queueSize);
        }
    }

    @Override
    public void record(NewAuditEvent event) {
        synchronized (order) {
            AuditEvent stored = events.append(event);
            for (ListenerFeed feed : feeds.values()) {
                feed.offer(stored);
            }
        }
    }

    @Reference(name = "listener", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(AuditListener listener, Map<String, Object> properties) {
        ListenerFeed feed = new ListenerFeed(name(listener, properties), listener, queueSize, warnings, nanoTime);
        feed.start();
        ListenerFeed before = feeds.put(serviceId(properties), feed);
        if (before != null) {
            before.close(unbindGrace);
        }
        LOG.info("audit listener {} receives every stored audit event from now on (queue of {})", feed.name(),
                queueSize);
    }

    void removeListener(AuditListener listener, Map<String, Object> properties) {
        ListenerFeed feed = feeds.remove(serviceId(properties));
        if (feed != null) {
            feed.close(unbindGrace);
            LOG.info("audit listener {} stopped", feed.name());
        }
    }

    /** Lets every listener take what is queued for it, all within one grace period. */
    @Deactivate
    void stop() {
        List<ListenerFeed> stopping = new ArrayList<>();
        for (Long id : feeds.keySet()) {
            ListenerFeed feed = feeds.remove(id);
            if (feed != null) {
                feed.finishQueue();
                stopping.add(feed);
            }
        }
        long deadline = System.nanoTime() + unbindGrace.toNanos();
        for (ListenerFeed feed : stopping) {
            feed.awaitEnd(deadline, unbindGrace);
        }
    }

    /** The listener as operators know it: its component's name, else its class. */
    static String name(AuditListener listener, Map<String, Object> properties) {
        Object component = properties.get(COMPONENT_NAME);
        return component != null ? component.toString() : listener.getClass().getName();
    }

    private static Long serviceId(Map<String, Object> properties) {
        Object id = properties.get(SERVICE_ID);
        return id instanceof Long value ? value : Long.valueOf(String.valueOf(id));
    }
}
