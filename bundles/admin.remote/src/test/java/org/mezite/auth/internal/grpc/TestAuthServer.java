package org.mezite.auth.internal.grpc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.ca.tls.ClusterCertificates;

/**
 * The Auth server's AdminService as the Auth bundle serves it (its own TLS, client certificate gate and
 * {@link AdminGrpcService}), on 127.0.0.1 and a free port, with the admin services the test gives. It lives in the
 * Auth bundle's package to reach those classes: the round trip is then between the real client and the real server.
 */
public final class TestAuthServer implements AutoCloseable {

    private final ServerTls tls;
    private final GrpcEndpoint endpoint;
    private boolean closed;

    private TestAuthServer(ServerTls tls, GrpcEndpoint endpoint) {
        this.tls = tls;
        this.endpoint = endpoint;
    }

    /** @param admins the admin service for an interface, or empty when it is not running */
    public static <C extends X509CertificateIssuer & CertificateAuthorities> TestAuthServer start(C ca,
            Function<Class<?>, Optional<Object>> admins) throws IOException {
        InetSocketAddress listen = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        ClusterCertificates cluster = new ClusterCertificates(ca);
        Clock clock = Clock.systemUTC();
        ServerTls tls = ServerTls.start(ca, cluster, listen, clock);
        GrpcEndpoint endpoint = GrpcEndpoint.start("auth-grpc", listen, "auth.listen", Duration.ofSeconds(1),
                tls.sslContext(), new ClientCertificateInterceptor(cluster, clock),
                List.of(new AdminGrpcService(admins::apply)));
        return new TestAuthServer(tls, endpoint);
    }

    public InetSocketAddress address() {
        return endpoint.address();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        endpoint.close();
        tls.close();
    }
}
