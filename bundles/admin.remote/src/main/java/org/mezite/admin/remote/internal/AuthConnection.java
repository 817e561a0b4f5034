package org.mezite.admin.remote.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedTrustManager;

import org.mezite.api.access.AccessDeniedException;
import org.mezite.proto.auth.v1.AdminCall;
import org.mezite.proto.auth.v1.AdminReply;
import org.mezite.proto.auth.v1.AdminServiceGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Mutual TLS to the Auth server's {@code AdminService}, with the configured client certificate and the server
 * checked against the pinned host CA. User certificates live hours, not days, so the files are read again before
 * every call: after a new {@code msh login} the next call connects with the new certificate, and a certificate that
 * has expired is refused here with what to do about it.
 */
final class AuthConnection implements AutoCloseable {

    /** How long one admin call may take before the console gets an answer anyway. */
    static final Duration CALL_DEADLINE = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(AuthConnection.class);
    private static final long CLOSE_SECONDS = 5;

    private final RemoteAdminSettings settings;
    private final Clock clock;
    private final X509ExtendedTrustManager trust;
    private final EventLoopGroup loop;
    private final List<ManagedChannel> retired = new ArrayList<>();
    /** SHA-256 of the certificate and key files as last read; a few hundred bytes each, so read at every call. */
    private byte[] stamp;
    private AdminIdentity identity;
    private ManagedChannel channel;
    private boolean closed;

    /** @throws IllegalArgumentException when the certificate or key cannot be used, naming the setting and file */
    AuthConnection(RemoteAdminSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.trust = PinnedHostCa.trust(server(), settings.caPin(), clock);
        this.stamp = stamp();
        this.identity = AdminIdentity.load(settings.certificate(), settings.key());
        this.loop = new NioEventLoopGroup(1, new DefaultThreadFactory("mezite-admin-remote", true));
        try {
            this.channel = channel(identity);
        } catch (RuntimeException e) {
            shutDownLoop();
            throw e;
        }
    }

    /** The certificate in use now. */
    synchronized AdminIdentity identity() {
        return identity;
    }

    /**
     * Makes the call.
     *
     * @throws RuntimeException what the admin service threw on the Auth hub, with its message, or what kept the call
     *                          from reaching it ({@link RemoteErrors})
     */
    AdminReply call(AdminCall call) {
        ManagedChannel current = current();
        try {
            return AdminServiceGrpc.newBlockingStub(current)
                    .withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS).call(call);
        } catch (StatusRuntimeException e) {
            throw RemoteErrors.of(e, settings.address());
        }
    }

    private synchronized ManagedChannel current() {
        if (closed) {
            throw new IllegalStateException("the remote admin API is stopping");
        }
        byte[] now = stamp();
        if (!MessageDigest.isEqual(now, stamp)) {
            try {
                AdminIdentity renewed = AdminIdentity.load(settings.certificate(), settings.key());
                ManagedChannel replacement = channel(renewed);
                channel.shutdown(); // calls in flight on the old channel finish
                retired.removeIf(ManagedChannel::isTerminated);
                retired.add(channel);
                channel = replacement;
                identity = renewed;
                stamp = now;
                LOG.info("remote admin API: now calling the Auth server at {} as {} (certificate valid until {})",
                        settings.address(), renewed.subject(), renewed.certificate().getNotAfter().toInstant());
            } catch (IllegalArgumentException e) {
                // e.g. msh login halfway through writing the new key and certificate: the next call looks again
                LOG.warn("remote admin API: keeping the certificate in use: {}", e.getMessage());
            }
        }
        X509Certificate certificate = identity.certificate();
        Instant expires = certificate.getNotAfter().toInstant();
        if (!clock.instant().isBefore(expires)) {
            throw new AccessDeniedException("the admin certificate " + settings.certificate() + " ("
                    + identity.subject() + ") expired at " + expires + "; log in again with msh login and point"
                    + " certificate and key in " + RemoteAdminSettings.CONFIG_FILE + " at the new files");
        }
        return channel;
    }

    private byte[] stamp() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : List.of(settings.certificate(), settings.key())) {
                try {
                    digest.update(Files.readAllBytes(file));
                } catch (IOException e) {
                    digest.update(e.toString().getBytes(StandardCharsets.UTF_8)); // missing now: changed
                }
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private ManagedChannel channel(AdminIdentity with) {
        try {
            // the JDK's TLS, not a native one gRPC may find: the same behaviour in every runtime
            return NettyChannelBuilder.forAddress(settings.host(), settings.port())
                    .sslContext(GrpcSslContexts.configure(SslContextBuilder.forClient()
                            .keyManager(with.key(), with.chain().toArray(X509Certificate[]::new))
                            .trustManager(trust), SslProvider.JDK).build())
                    .eventLoopGroup(loop)
                    .channelType(NioSocketChannel.class)
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException(RemoteAdminSettings.CONFIG_FILE + ": certificate: cannot set up TLS"
                    + " with " + settings.certificate() + ": " + e.getMessage(), e);
        }
    }

    private String server() {
        return "the Auth server at " + settings.address();
    }

    @Override
    public void close() {
        List<ManagedChannel> channels;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            channels = new ArrayList<>(retired);
            channels.add(channel);
        }
        for (ManagedChannel open : channels) {
            open.shutdownNow();
        }
        try {
            for (ManagedChannel open : channels) {
                open.awaitTermination(CLOSE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shutDownLoop();
        }
    }

    private void shutDownLoop() {
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(CLOSE_SECONDS, TimeUnit.SECONDS);
    }
}
