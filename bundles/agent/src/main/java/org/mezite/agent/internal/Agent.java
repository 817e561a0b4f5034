package org.mezite.agent.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.node.NodeIdentityProvider;
import org.mezite.api.recording.SessionRecorder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent as a whole, for now: takes the settings mezd hands over and, when a hub is configured, makes sure the node
 * has joined (with the identity saved in the data dir, or else the one-time token) and keeps its heartbeat going.
 * Once joined it registers the node's identity ({@link NodeIdentityProvider}), the agent's {@link AuditRecorder}, its
 * {@link SessionRecorder} and the access policy from Auth ({@link AccessPolicySource}), which the SSH server and the
 * tunnel need.
 *
 * <p>What no retry can fix (a refused token, a hub whose CA is not the pinned one, a damaged identity) is logged and
 * handed to the launcher's exit hook, if there is one: mezd then stops with an error status rather than sit idle.
 */
@Component(immediate = true)
public final class Agent {

    /** Service property of the launcher's {@code Consumer<String>} that takes the reason to stop mezd with an error. */
    public static final String EXIT_HOOK = "mezite.agent.exit";

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final AgentSettings settings;
    private final String version;
    private final Consumer<String> exit;
    private final BundleContext context;
    private final ExecutorService worker;
    private volatile HubSession session;
    private volatile HubAuditShipper audit;
    private volatile HubAccessPolicySource policy;
    private volatile HubSessionRecorder recorder;
    private volatile ServiceRegistration<?> identityRegistration;
    private volatile ServiceRegistration<?> auditRegistration;
    private volatile ServiceRegistration<?> policyRegistration;
    private volatile ServiceRegistration<?> recorderRegistration;

    @Activate
    public Agent(BundleContext context, @Reference(name = "exit", cardinality = ReferenceCardinality.OPTIONAL,
            target = "(" + EXIT_HOOK + "=true)") Consumer<String> exit) {
        this.context = context;
        settings = AgentSettings.from(context::getProperty);
        version = version(context.getBundle().getVersion());
        this.exit = exit;
        LOG.info("mezd agent {} started: version {}, hub {}, labels {}, data dir {}", settings.nodeName(), version,
                settings.hub().map(HostPort::toString).orElse("(none)"),
                settings.labels().isEmpty() ? "(none)" : settings.labels().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")),
                settings.dataDir());
        if (settings.hub().isEmpty()) {
            worker = null;
            return;
        }
        worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "mezd-join");
            thread.setDaemon(true);
            return thread;
        });
        worker.execute(() -> connect(settings.hub().get()));
    }

    private void connect(HostPort hub) {
        IdentityStore store = new IdentityStore(settings.dataDir());
        try {
            Optional<NodeIdentity> saved = store.load();
            NodeIdentity identity;
            if (saved.isPresent()) {
                identity = saved.get();
                if (settings.caPin().isPresent() && !settings.caPin().get().matches(identity.hostCa())) {
                    stop("the identity in " + store.folder() + " belongs to cluster " + identity.clusterName()
                            + ", whose CA pin is " + CaPin.of(identity.hostCa()) + ", not ca_pin "
                            + settings.caPin().get() + "; remove " + store.folder() + " to join another cluster");
                    return;
                }
                LOG.info("node {} is node {} of cluster {} (identity in {}){}", settings.nodeName(),
                        identity.nodeId(), identity.clusterName(), store.folder(), settings.token().isPresent()
                                ? "; the token in the configuration is not needed any more" : "");
            } else {
                identity = join(hub);
                if (identity == null) {
                    return;
                }
                store.save(identity);
                // a policy saved before belongs to the cluster this node was in before
                new AccessPolicyCache(settings.dataDir()).delete();
                LOG.info("node {} joined cluster {} as node {}; identity saved in {}", settings.nodeName(),
                        identity.clusterName(), identity.nodeId(), store.folder());
            }
            HubSession started = HubSession.start(hub, settings.nodeName(), identity, store,
                    settings.heartbeatInterval(), Clock.systemUTC(), HubSession::log);
            session = started;
            publish(started, hub);
        } catch (IdentityException e) {
            stop(e.getMessage());
        } catch (IOException e) {
            stop("cannot remove the access policy saved in " + settings.dataDir() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stop("cannot connect to hub " + hub + ": " + e, e);
        }
    }

    /**
     * Offers the node's identity, its way to the audit log and the access policy to the SSH server and the tunnel,
     * which start when these appear. The policy comes first, so that the SSH server has it when it starts, and the
     * recorder before the identity, so that the server's first session is recorded.
     */
    private void publish(HubSession started, HostPort hub) {
        HubAccessPolicySource source = new HubAccessPolicySource(new AccessPolicyCache(settings.dataDir()),
                started::watchAccessPolicy, hub.toString());
        policy = source;
        source.start();
        policyRegistration = context.registerService(AccessPolicySource.class, source, null);
        HubAuditShipper shipper = new HubAuditShipper(started::recordAudit);
        audit = shipper;
        auditRegistration = context.registerService(AuditRecorder.class, shipper, null);
        HubSessionRecorder sessions = new HubSessionRecorder(new SpoolDirectory(settings.dataDir()),
                source::recordingMode, started::uploadRecording, () -> started.identity().nodeId());
        recorder = sessions;
        recorderRegistration = context.registerService(SessionRecorder.class, sessions, null);
        identityRegistration = context.registerService(NodeIdentityProvider.class, new AgentNodeIdentity(
                settings.nodeName(), settings.labels(), settings.tunnel().orElseThrow(), started::identity), null);
    }

    /** Joins, trying again while the hub cannot be reached; {@code null} when it cannot be done or mezd stops. */
    private NodeIdentity join(HostPort hub) {
        if (settings.token().isEmpty() || settings.caPin().isEmpty()) {
            stop("node " + settings.nodeName() + " has not joined a cluster yet: set token and ca_pin in the"
                    + " configuration (mezite:token-add prints them)");
            return null;
        }
        Joiner joiner = new Joiner(hub, settings.caPin().get(), Clock.systemUTC());
        Duration wait = FIRST_RETRY;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                return joiner.join(settings.token().get(), settings.nodeName(), settings.labels(), version);
            } catch (JoinException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return null; // mezd is stopping
                }
                if (e.isFatal()) {
                    stop(e.getMessage());
                    return null;
                }
                LOG.warn("{}; trying again in {} s", e.getMessage(), wait.toSeconds());
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return null;
            }
            wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
        }
        return null;
    }

    private void stop(String reason) {
        stop(reason, null);
    }

    private void stop(String reason, Throwable cause) {
        LOG.error(reason, cause);
        if (exit != null) {
            exit.accept(reason);
        }
    }

    @Deactivate
    void deactivate() {
        if (worker != null) {
            worker.shutdownNow();
            try {
                worker.awaitTermination(Joiner.CALL_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        unregister(identityRegistration);
        unregister(auditRegistration);
        unregister(policyRegistration);
        unregister(recorderRegistration);
        HubSessionRecorder sessions = recorder;
        if (sessions != null) {
            sessions.close();
        }
        HubAccessPolicySource source = policy;
        if (source != null) {
            source.close();
        }
        HubAuditShipper shipper = audit;
        if (shipper != null) {
            shipper.close();
        }
        HubSession running = session;
        if (running != null) {
            running.close();
        }
        LOG.info("mezd agent {} stopped", settings.nodeName());
    }

    private static void unregister(ServiceRegistration<?> registration) {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
    }

    /** {@code 0.1.0-SNAPSHOT} rather than OSGi's {@code 0.1.0.SNAPSHOT}. */
    private static String version(Version version) {
        String base = version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
        return version.getQualifier().isEmpty() ? base : base + "-" + version.getQualifier();
    }
}
