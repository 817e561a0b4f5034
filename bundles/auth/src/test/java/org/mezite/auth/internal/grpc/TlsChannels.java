package org.mezite.auth.internal.grpc;

import java.net.InetSocketAddress;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.store.CaType;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;

/** Clients of the Auth server as tests need them: trusting the cluster's host CA, with or without an identity. */
final class TlsChannels {

    private TlsChannels() {
    }

    /** TLS that checks the server against the host CA (and its names), without a client certificate. */
    static ManagedChannel anonymous(InetSocketAddress address, CertificateAuthorities trusted) {
        return channel(address, trusted, null, null);
    }

    /** TLS with a client certificate. */
    static ManagedChannel withIdentity(InetSocketAddress address, CertificateAuthorities trusted, PrivateKey key,
            List<X509Certificate> chain) {
        return channel(address, trusted, key, chain);
    }

    /** The leaf certificate the server presents, read with a trust-all handshake. */
    static X509Certificate serverCertificate(InetSocketAddress address) throws Exception {
        X509Certificate[] seen = new X509Certificate[1];
        TrustManager recorder = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen[0] = chain[0];
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {recorder}, null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(address.getAddress(),
                address.getPort())) {
            socket.startHandshake();
        }
        return seen[0];
    }

    private static ManagedChannel channel(InetSocketAddress address, CertificateAuthorities trusted, PrivateKey key,
            List<X509Certificate> chain) {
        try {
            SslContextBuilder builder = GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
                    .trustManager(trusted.authority(CaType.HOST).certificate());
            if (key != null) {
                builder.keyManager(key, chain.toArray(X509Certificate[]::new));
            }
            return NettyChannelBuilder.forAddress(address.getHostString(), address.getPort())
                    .sslContext(builder.build()).build();
        } catch (javax.net.ssl.SSLException e) {
            throw new IllegalStateException(e);
        }
    }
}
