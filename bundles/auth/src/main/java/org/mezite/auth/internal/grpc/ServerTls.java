package org.mezite.auth.internal.grpc;

import java.net.InetSocketAddress;
import java.time.Clock;

import javax.net.ssl.SSLException;

import org.mezite.api.ca.X509CertificateIssuer;
import org.mezite.api.ca.X509CertificateRequest;
import org.mezite.ca.tls.ClusterCertificates;
import org.mezite.ca.tls.ClusterClientTrust;
import org.mezite.ca.tls.HostServerCertificate;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;

/**
 * The Auth server's side of TLS: a certificate from the host CA for the names clients reach it by, renewed in place
 * ({@link HostServerCertificate}), and client certificates of any cluster CA asked for but not required at this layer
 * (calls that need one are refused by {@link ClientCertificateInterceptor}, with a reason).
 */
final class ServerTls implements AutoCloseable {

    /** The certificate's subject CN. */
    static final String COMMON_NAME = "auth";

    private final HostServerCertificate certificate;
    private final SslContext context;

    private ServerTls(HostServerCertificate certificate, SslContext context) {
        this.certificate = certificate;
        this.context = context;
    }

    /**
     * Makes the server's certificate and the TLS context serving it.
     *
     * @param listen where the server listens; its host is one of the certificate's names
     */
    static ServerTls start(X509CertificateIssuer issuer, ClusterCertificates cluster, InetSocketAddress listen,
            Clock clock) throws SSLException {
        HostServerCertificate certificate = HostServerCertificate.issue(AuthGrpcServer.LISTENER_NAME, issuer,
                COMMON_NAME, listen, clock);
        try {
            return new ServerTls(certificate, GrpcSslContexts.configure(
                    SslContextBuilder.forServer(certificate.keyManager()), SslProvider.JDK)
                    .trustManager(ClusterClientTrust.anyCa(cluster))
                    .clientAuth(ClientAuth.OPTIONAL)
                    .build());
        } catch (SSLException | RuntimeException e) {
            certificate.close();
            throw e;
        }
    }

    /** What {@link #start} asks the host CA for. */
    static X509CertificateRequest request(InetSocketAddress listen, String hostName) {
        return HostServerCertificate.request(COMMON_NAME, listen, hostName);
    }

    SslContext sslContext() {
        return context;
    }

    @Override
    public void close() {
        certificate.close();
    }
}
