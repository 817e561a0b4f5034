package org.mezite.auth.internal.grpc;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.admin.CaAdmin;
import org.mezite.api.admin.LockAdmin;
import org.mezite.api.admin.NodeAdmin;
import org.mezite.api.admin.RoleAdmin;
import org.mezite.api.admin.SessionAdmin;
import org.mezite.api.admin.TokenAdmin;
import org.mezite.api.admin.UserAdmin;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.hub.Listener;
import org.mezite.api.recording.Recordings;
import org.mezite.api.store.CaType;
import org.mezite.api.store.StoreHealth;
import org.mezite.auth.internal.join.NodeEnrollment;
import org.mezite.ca.tls.BoundListener;
import org.mezite.ca.tls.ClusterCertificates;
import org.mezite.proto.auth.v1.AdminServiceGrpc;
import org.mezite.proto.auth.v1.AuthServiceGrpc;
import org.mezite.proto.auth.v1.NodeServiceGrpc;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;

/**
 * The Auth service's gRPC server on {@code auth.listen} (:3025) when this hub runs the Auth role: serves
 * {@code mezite.auth.v1.AuthService}, {@code mezite.auth.v1.NodeService}, {@code mezite.auth.v1.AdminService} and
 * the standard {@code grpc.health.v1.Health} over TLS with a host-CA certificate, and publishes an {@code auth-grpc}
 * {@link Listener} while it listens. Every call but status, health and join needs a client certificate of the
 * cluster ({@link ClientCertificateInterceptor}). Agents watch the {@link AccessPolicySource}'s policy through
 * {@code NodeService.WatchAccessPolicy}. The admin services are optional: while one is missing, calls to it are
 * answered UNAVAILABLE ({@link AdminGrpcService}).
 */
@Component(immediate = true)
public final class AuthGrpcServer {

    static final String LISTENER_NAME = "auth-grpc";
    /** Admin services of this hub only: not the remote ones, which carry the property mezite.admin.remote. */
    static final String LOCAL_ADMIN = "(!(mezite.admin.remote=*))";
    /** How long deactivation waits for calls in flight before cancelling them. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(AuthGrpcServer.class);

    private final AtomicReference<StoreHealth> store = new AtomicReference<>();
    private final HealthStatusManager health = new HealthStatusManager();
    private final ServerTls tls;
    private final GrpcEndpoint endpoint;
    private final ServiceRegistration<Listener> registration;
    private final NodeGrpcService nodeService;

    // The admin API, for AdminService. Optional and dynamic: the Auth server runs (agents join, heartbeat) without
    // them, and a restart of the admin bundle must not restart it. Never the remote ones of org.mezite.admin.remote,
    // which would call this server back.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = LOCAL_ADMIN)
    volatile UserAdmin userAdmin;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = LOCAL_ADMIN)
    volatile RoleAdmin roleAdmin;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = LOCAL_ADMIN)
    volatile TokenAdmin tokenAdmin;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = LOCAL_ADMIN)
    volatile NodeAdmin nodeAdmin;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = LOCAL_ADMIN)
    volatile SessionAdmin sessionAdmin;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = LOCAL_ADMIN)
    volatile LockAdmin lockAdmin;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = LOCAL_ADMIN)
    volatile CaAdmin caAdmin;

    // Where agents' recordings go; optional and dynamic like the admin API (uploads wait on the agents without it).
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Recordings recordings;

    @Activate
    public AuthGrpcServer(BundleContext context, @Reference(name = "settings") HubSettings settings,
            @Reference(name = "x509") X509CertificateIssuer x509,
            @Reference(name = "authorities") CertificateAuthorities authorities,
            @Reference(name = "enrollment") NodeEnrollment enrollment,
            @Reference(name = "policies") AccessPolicySource policies) throws IOException {
        this(context, settings, x509, authorities, enrollment, policies, Clock.systemUTC());
    }

    AuthGrpcServer(BundleContext context, HubSettings settings, X509CertificateIssuer x509,
            CertificateAuthorities authorities, NodeEnrollment enrollment, AccessPolicySource policies, Clock clock)
            throws IOException {
        if (!settings.runs(HubRole.AUTH)) {
            LOG.info("Auth gRPC server not started: this hub runs {}", settings.roles());
            tls = null;
            endpoint = null;
            registration = null;
            nodeService = null;
            return;
        }
        AuthStatusService status = new AuthStatusService(settings.clusterName(),
                MeziteVersion.of(context.getBundle().getVersion()), settings.database().kind(), clock, store::get);
        ClusterCertificates cluster = new ClusterCertificates(authorities);
        nodeService = new NodeGrpcService(enrollment, policies, () -> recordings, clock);
        try {
            tls = ServerTls.start(x509, cluster, settings.authListen(), clock);
        } catch (IOException | RuntimeException e) {
            nodeService.close(); // its recording-mode watch would outlive the failed activation
            throw e;
        }
        try {
            endpoint = GrpcEndpoint.start(LISTENER_NAME, settings.authListen(), "auth.listen", SHUTDOWN_GRACE,
                    tls.sslContext(), new ClientCertificateInterceptor(cluster, clock),
                    List.of(status, nodeService, new AdminGrpcService(this::adminService),
                            health.getHealthService()));
        } catch (IOException | RuntimeException e) {
            nodeService.close();
            tls.close();
            throw e;
        }
        try {
            health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
            health.setStatus(AuthServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
            health.setStatus(NodeServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
            health.setStatus(AdminServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
            BoundListener listener = new BoundListener(LISTENER_NAME, "grpc", endpoint.address());
            registration = context.registerService(Listener.class, listener, listener.serviceProperties());
        } catch (RuntimeException e) {
            nodeService.close();
            endpoint.close();
            tls.close();
            throw e;
        }
        LOG.info("Auth gRPC server listening on {} (TLS, host CA pin {})", Addresses.format(endpoint.address()),
                authorities.authority(CaType.HOST).tlsPin());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindStoreHealth(StoreHealth health) {
        store.set(health);
    }

    void unbindStoreHealth(StoreHealth health) {
        // a greedy replacement binds the new store before unbinding the old one
        store.compareAndSet(health, null);
    }

    /** The admin service bound for this interface of {@link AdminMethods#SERVICES}, if any. */
    Optional<Object> adminService(Class<?> api) {
        Object service = api == UserAdmin.class ? userAdmin
                : api == RoleAdmin.class ? roleAdmin
                : api == TokenAdmin.class ? tokenAdmin
                : api == NodeAdmin.class ? nodeAdmin
                : api == SessionAdmin.class ? sessionAdmin
                : api == LockAdmin.class ? lockAdmin
                : api == CaAdmin.class ? caAdmin
                : null;
        return Optional.ofNullable(service);
    }

    @Deactivate
    void deactivate() {
        if (endpoint == null) {
            return;
        }
        registration.unregister();
        // tell health-watching clients first, so that they stop sending before the socket closes
        health.enterTerminalState();
        nodeService.close();
        endpoint.close();
        tls.close();
        LOG.info("Auth gRPC server on {} stopped", Addresses.format(endpoint.address()));
    }
}
