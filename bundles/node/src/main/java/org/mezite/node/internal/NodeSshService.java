package org.mezite.node.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.DirectTcpipFactory;
import org.apache.sshd.server.session.ServerUserAuthServiceFactory;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.node.NodeIdentityProvider;
import org.mezite.api.node.NodeSshEndpoint;
import org.mezite.api.recording.SessionRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's SSH server (MINA SSHD): on a loopback port for the connections the tunnel hands over through
 * {@link #connect}, and optionally on a direct address. Authentication, access and sessions are the same on both,
 * and live connections follow every new access policy (locks, terminated sessions, role options).
 */
final class NodeSshService implements NodeSshEndpoint, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeSshService.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final NodeSshSettings settings;
    private final ConnectionOrigins origins = new ConnectionOrigins();
    private final ConnectionTracker tracker;
    private final ExecutorService executor;
    private final NodeSshd server;
    private final AccessPolicySource policies;
    private final LiveAccess liveAccess;
    private volatile AutoCloseable subscription;
    private volatile InetSocketAddress tunnelAddress;
    private volatile InetSocketAddress directAddress;

    /** MINA's server, with a way to listen on a second address with another port. */
    private static final class NodeSshd extends SshServer {
        void bind(SocketAddress address) throws IOException {
            acceptor.bind(address);
        }
    }

    /** @param sessionRecorder the session recorder there is now, or {@code null} */
    NodeSshService(NodeIdentityProvider identityProvider, AccessChecker access, AccessPolicySource policies,
            AuditRecorder recorder, Supplier<SessionRecorder> sessionRecorder, NodeSshSettings settings,
            HostPrograms programs, Path agentSocketParent, Clock clock) {
        this.settings = settings;
        this.policies = policies;
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        NodeAudit audit = new NodeAudit(recorder, clock);
        NodeIdentities identities = new NodeIdentities(identityProvider);
        UnixAccounts accounts = new UnixAccounts(programs.getent().toString());
        LiveConnections live = new LiveConnections();
        this.liveAccess = new LiveAccess(access, live, audit, settings.clientIdleTimeout(), executor);
        this.tracker = new ConnectionTracker(identities, origins, audit, live, liveAccess, clock);
        SessionCommand.Host host = new SessionCommand.Host(accounts, programs, access, audit, executor, clock,
                Posix.C.geteuid(), sessionRecorder);

        NodeSshd sshd = (NodeSshd) ServerBuilder.builder().factory(NodeSshd::new)
                .channelFactories(List.of(new NodeChannelSession.Factory(audit), DirectTcpipFactory.INSTANCE))
                .build();
        sshd.setServiceFactories(List.of(ServerUserAuthServiceFactory.INSTANCE, new NodeConnectionService.Factory()));
        sshd.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory());
        // AES-GCM only: the JVM runs it on AES-NI, while its ChaCha20 is plain Java at half the speed, and an OpenSSH
        // client would pick ChaCha20 (its first choice) whenever it is offered
        sshd.setCipherFactories(new ArrayList<>(NamedFactory.setUpBuiltinFactories(false,
                List.of(BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm))));
        sshd.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        sshd.setPort(0);
        NodeHostKeys hostKeys = new NodeHostKeys();
        sshd.setKeyPairProvider(hostKeys);
        sshd.setHostKeyCertificateProvider(hostKeys);
        sshd.setUserAuthFactories(List.of(new CertificateUserAuth.Factory(new UserCertificateVerifier(clock), access,
                audit)));
        sshd.setPublickeyAuthenticator(CertificateUserAuth::isVerified);
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setGSSAuthenticator(null);
        sshd.setHostBasedAuthenticator(null);
        sshd.setShellFactory(channel -> new SessionCommand(host, SessionCommand.Kind.SHELL, null));
        sshd.setCommandFactory((channel, command) -> new SessionCommand(host, SessionCommand.Kind.EXEC, command));
        sshd.setSubsystemFactories(List.of(new SubsystemFactory() {
            @Override
            public String getName() {
                return "sftp";
            }

            @Override
            public Command createSubsystem(ChannelSession channel) {
                return new SessionCommand(host, SessionCommand.Kind.SFTP, null);
            }
        }));
        ForwardingPolicy forwarding = new ForwardingPolicy(access, audit, accounts);
        sshd.setForwardingFilter(forwarding);
        sshd.setAgentFactory(new AgentForwarding(accounts, agentSocketParent, executor));
        sshd.addSessionListener(tracker);
        CoreModuleProperties.SERVER_IDENTIFICATION.set(sshd, "mezd");
        CoreModuleProperties.IDLE_TIMEOUT.set(sshd, settings.clientIdleTimeout().orElse(Duration.ZERO));
        CoreModuleProperties.TCP_NODELAY.set(sshd, true);
        this.server = sshd;
    }

    /**
     * Starts listening: on loopback for the tunnel, and on the direct address when there is one; then follows the
     * access policy.
     *
     * @throws IOException naming the address that cannot be listened on
     */
    void start() throws IOException {
        server.start();
        tunnelAddress = (InetSocketAddress) server.getBoundAddresses().iterator().next();
        tracker.tunnelPort(tunnelAddress.getPort());
        Optional<InetSocketAddress> direct = settings.directListen();
        if (direct.isPresent()) {
            try {
                server.bind(direct.get());
            } catch (IOException e) {
                close();
                throw new IOException("cannot listen on " + direct.get() + " (" + NodeSshSettings.SSH_LISTEN + "): "
                        + e.getMessage(), e);
            }
            directAddress = server.getBoundAddresses().stream().map(InetSocketAddress.class::cast)
                    .filter(a -> a.getPort() != tunnelAddress.getPort()).findFirst().orElse(direct.get());
            LOG.info("node SSH server listening on {} for direct connections", directAddress);
        }
        LOG.info("node SSH server listening on {} for the tunnel", tunnelAddress);
        // from here on every new policy reaches the live connections; the first one, the current, comes at once
        subscription = policies.subscribe(liveAccess);
    }

    /** Where the tunnel's connections arrive. */
    InetSocketAddress tunnelAddress() {
        return tunnelAddress;
    }

    /** Where direct connections arrive, when the server listens for them. */
    Optional<InetSocketAddress> directAddress() {
        return Optional.ofNullable(directAddress);
    }

    @Override
    public Socket connect(String clientAddress, String proxyId) throws IOException {
        InetSocketAddress target = tunnelAddress;
        if (target == null) {
            throw new IOException("the node's SSH server is not running");
        }
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(target.getAddress(), 0));
            int port = socket.getLocalPort();
            origins.expect(port, Origin.viaProxy(clientAddress, proxyId));
            try {
                socket.setTcpNoDelay(true);
                socket.connect(target, (int) CONNECT_TIMEOUT.toMillis());
            } catch (IOException e) {
                origins.forget(port);
                throw e;
            }
            return socket;
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot reach the node's SSH server on " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        AutoCloseable subscribed = subscription;
        if (subscribed != null) {
            try {
                subscribed.close();
            } catch (Exception e) {
                LOG.debug("cannot unsubscribe from the access policy: {}", e.toString());
            }
        }
        try {
            server.stop(true);
        } catch (IOException e) {
            LOG.warn("the node's SSH server did not stop cleanly: {}", e.toString());
        }
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        ClassLoader loader = NodeSshService.class.getClassLoader();
        return runnable -> {
            Thread thread = new Thread(runnable, "mezd-ssh-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        };
    }
}
