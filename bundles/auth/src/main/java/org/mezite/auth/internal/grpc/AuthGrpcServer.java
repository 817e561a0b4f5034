package org.mezite.auth.internal.grpc;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.hub.Listener;
import org.mezite.api.store.CaType;
import org.mezite.api.store.StoreHealth;
import org.mezite.auth.internal.join.NodeEnrollment;
import org.mezite.ca.tls.BoundListener;
import org.mezite.ca.tls.ClusterCertificates;
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
 * {@code mezite.auth.v1.AuthService}, {@code mezite.auth.v1.NodeService} and the standard
 * {@code grpc.health.v1.Health} over TLS with a host-CA certificate, and publishes an {@code auth-grpc}
 * {@link Listener} while it listens. Every call but status, health and join needs a client certificate of the
 * cluster ({@link ClientCertificateInterceptor}).
 */
@Component(immediate = true)
public final class AuthGrpcServer {

    static final String LISTENER_NAME = "auth-grpc";
    /** How long deactivation waits for calls in flight before cancelling them. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(AuthGrpcServer.class);

    private final AtomicReference<StoreHealth> store = new AtomicReference<>();
    private final HealthStatusManager health = new HealthStatusManager();
    private final ServerTls tls;
    private final GrpcEndpoint endpoint;
    private final ServiceRegistration<Listener> registration;

    @Activate
    public AuthGrpcServer(BundleContext context, @Reference(name = "settings") HubSettings settings,
            @Reference(name = "x509") X509CertificateIssuer x509,
            @Reference(name = "authorities") CertificateAuthorities authorities,
            @Reference(name = "enrollment") NodeEnrollment enrollment) throws IOException {
        this(context, settings, x509, authorities, enrollment, Clock.systemUTC());
    }

    AuthGrpcServer(BundleContext context, HubSettings settings, X509CertificateIssuer x509,
            CertificateAuthorities authorities, NodeEnrollment enrollment, Clock clock) throws IOException {
        if (!settings.runs(HubRole.AUTH)) {
            LOG.info("Auth gRPC server not started: this hub runs {}", settings.roles());
            tls = null;
            endpoint = null;
            registration = null;
            return;
        }
        AuthStatusService status = new AuthStatusService(settings.clusterName(),
                MeziteVersion.of(context.getBundle().getVersion()), settings.database().kind(), clock, store::get);
        ClusterCertificates cluster = new ClusterCertificates(authorities);
        tls = ServerTls.start(x509, cluster, settings.authListen(), clock);
        try {
            endpoint = GrpcEndpoint.start(LISTENER_NAME, settings.authListen(), "auth.listen", SHUTDOWN_GRACE,
                    tls.sslContext(), new ClientCertificateInterceptor(cluster, clock),
                    List.of(status, new NodeGrpcService(enrollment, clock), health.getHealthService()));
        } catch (IOException | RuntimeException e) {
            tls.close();
            throw e;
        }
        try {
            health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
            health.setStatus(AuthServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
            health.setStatus(NodeServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
            BoundListener listener = new BoundListener(LISTENER_NAME, "grpc", endpoint.address());
            registration = context.registerService(Listener.class, listener, listener.serviceProperties());
        } catch (RuntimeException e) {
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

    @Deactivate
    void deactivate() {
        if (endpoint == null) {
            return;
        }
        registration.unregister();
        // tell health-watching clients first, so that they stop sending before the socket closes
        health.enterTerminalState();
        endpoint.close();
        tls.close();
        LOG.info("Auth gRPC server on {} stopped", Addresses.format(endpoint.address()));
    }
}
