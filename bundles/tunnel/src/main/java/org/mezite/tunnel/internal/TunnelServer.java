package org.mezite.tunnel.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Set;

import javax.net.ssl.SSLException;

import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.hub.Listener;
import org.mezite.api.join.NodeRegistry;
import org.mezite.api.store.CaType;
import org.mezite.api.tunnel.NodeTunnels;
import org.mezite.ca.tls.Addresses;
import org.mezite.ca.tls.BoundListener;
import org.mezite.ca.tls.ClusterCertificates;
import org.mezite.ca.tls.ClusterClientTrust;
import org.mezite.ca.tls.HostServerCertificate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;

/**
 * The proxy's end of the reverse tunnels, on {@code proxy.tunnel.listen} (:3024) when this hub runs the proxy: serves
 * {@code mezite.tunnel.v1.TunnelService} over TLS with a host-CA certificate (CN {@code proxy}), requires each agent's
 * client certificate from the host CA (organization {@code node}, CN = node id), and registers {@link NodeTunnels}
 * and a {@code proxy-tunnel} {@link Listener} while it listens. Only the hub registers {@link HubSettings}, so this
 * never starts inside an agent.
 */
@Component(immediate = true, service = {})
public final class TunnelServer {

    static final String LISTENER_NAME = "proxy-tunnel";
    static final String SETTING = "proxy.tunnel.listen";
    /** The CN of the proxy's tunnel certificate. */
    static final String COMMON_NAME = "proxy";

    private static final Logger LOG = LoggerFactory.getLogger(TunnelServer.class);

    private final HostServerCertificate certificate;
    private final Tunnels tunnels;
    private final TunnelEndpoint endpoint;
    private final ServiceRegistration<NodeTunnels> tunnelsRegistration;
    private final ServiceRegistration<Listener> listenerRegistration;

    @Activate
    public TunnelServer(BundleContext context, @Reference(name = "settings") HubSettings settings,
            @Reference(name = "x509") X509CertificateIssuer x509,
            @Reference(name = "authorities") CertificateAuthorities authorities,
            @Reference(name = "registry") NodeRegistry registry) throws IOException {
        this(context, settings, x509, authorities, registry, TunnelTimings.DEFAULT, Clock.systemUTC());
    }

    TunnelServer(BundleContext context, HubSettings settings, X509CertificateIssuer x509,
            CertificateAuthorities authorities, NodeRegistry registry, TunnelTimings timings, Clock clock)
            throws IOException {
        if (!settings.runs(HubRole.PROXY)) {
            LOG.info("tunnel server not started: this hub runs {}", settings.roles());
            certificate = null;
            tunnels = null;
            endpoint = null;
            tunnelsRegistration = null;
            listenerRegistration = null;
            return;
        }
        ClusterCertificates cluster = new ClusterCertificates(authorities);
        certificate = HostServerCertificate.issue(LISTENER_NAME, x509, COMMON_NAME, settings.tunnelListen(), clock);
        Tunnels opened = null;
        TunnelEndpoint bound = null;
        try {
            opened = new Tunnels(registry, settings.clusterName(), proxyId(), timings, clock);
            bound = TunnelEndpoint.start(LISTENER_NAME, settings.tunnelListen(), SETTING, sslContext(cluster),
                    new NodeCertificateGate(cluster, clock), new TunnelService(opened),
                    timings.silenceLimit());
            tunnels = opened;
            endpoint = bound;
            BoundListener listener = new BoundListener(LISTENER_NAME, "grpc", endpoint.address());
            tunnelsRegistration = context.registerService(NodeTunnels.class, tunnels, null);
            listenerRegistration = context.registerService(Listener.class, listener, listener.serviceProperties());
        } catch (IOException | RuntimeException e) {
            if (bound != null) {
                bound.close();
            }
            if (opened != null) {
                opened.close();
            }
            certificate.close();
            throw e;
        }
        LOG.info("tunnel server listening on {} (TLS, agents' host-CA certificates, host CA pin {})",
                Addresses.format(endpoint.address()), authorities.authority(CaType.HOST).tlsPin());
    }

    private SslContext sslContext(ClusterCertificates cluster) throws SSLException {
        // the JDK's TLS, not a native one gRPC may find: the same behaviour in every runtime
        return GrpcSslContexts.configure(SslContextBuilder.forServer(certificate.keyManager()), SslProvider.JDK)
                .trustManager(new ClusterClientTrust(cluster, Set.of(CaType.HOST)))
                .clientAuth(ClientAuth.REQUIRE)
                .build();
    }

    /** How agents' logs name this proxy: the machine's name. */
    private static String proxyId() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return COMMON_NAME;
        }
    }

    @Deactivate
    void deactivate() {
        if (endpoint == null) {
            return;
        }
        tunnelsRegistration.unregister();
        listenerRegistration.unregister();
        tunnels.close();
        endpoint.close();
        certificate.close();
        LOG.info("tunnel server on {} stopped", Addresses.format(endpoint.address()));
    }
}
