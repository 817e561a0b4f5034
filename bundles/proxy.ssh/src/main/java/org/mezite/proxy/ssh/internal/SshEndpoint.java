package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.global.KeepAliveHandler;
import org.apache.sshd.common.keyprovider.HostKeyCertificateProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.global.NoMoreSessionsHandler;
import org.apache.sshd.server.session.ServerUserAuthServiceFactory;

/**
 * The MINA SSH server of the proxy, bound and listening: Ed25519 host key with its host certificate, user
 * certificates as the only way in, {@code direct-tcpip} to nodes and {@code session} channels for msh, nothing else
 * (no port forwarding to anywhere else, no agent or X11 forwarding, no remote forwarding).
 */
final class SshEndpoint implements AutoCloseable {

    /**
     * No idle timeout at the proxy: a quiet interactive session is the agent's business (its idle timeout), and the
     * bytes passing through are not the proxy's to judge. Dead peers are found by TCP keep-alive.
     */
    static final Duration IDLE_TIMEOUT = Duration.ZERO;
    static final Duration AUTH_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The largest data packet clients may send: twice MINA's default, so that a bulk transfer costs the proxy half as
     * many packets to decrypt and hand on. The window stays at MINA's 2 MiB: the session inside, between client and
     * node, has its own flow control, and the proxy never holds more than a window per channel.
     */
    static final long MAX_PACKET_SIZE = 64 * 1024;
    /**
     * AES-GCM only: the JDK runs AES on the CPU's AES instructions, while MINA's ChaCha20-Poly1305 is plain Java and
     * about half as fast, and CTR needs a separate MAC. OpenSSH clients, which prefer ChaCha20 and then CTR, pick
     * GCM when nothing else is offered (the benchmark in docs/benchmarks.md measured the difference). No CBC.
     */
    static final List<BuiltinCiphers> CIPHERS = List.of(BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm);

    private final SshServer server;
    private final InetSocketAddress address;

    private SshEndpoint(SshServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /**
     * @param configKey the setting that chose {@code listen}, for the error when it cannot be bound
     * @throws IOException naming the address and the setting when the port cannot be bound
     */
    static SshEndpoint start(InetSocketAddress listen, String configKey, KeyPair hostKey,
            HostKeyCertificateProvider hostCertificate, UserCertificateCheck users, NodeRouter router,
            ProxyCommands commands, ProxyAudit audit, LockEnforcement locks) throws IOException {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(listen.getHostString());
        server.setPort(listen.getPort());
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setHostKeyCertificateProvider(hostCertificate);
        server.setCipherFactories(new ArrayList<>(NamedFactory.setUpBuiltinFactories(false, CIPHERS)));

        server.setUserAuthFactories(List.of(new CertificateUserAuth.Factory(users, locks)));
        // the certificate was checked before MINA asks; a plain key never gets here
        server.setPublickeyAuthenticator((username, key, session) -> key instanceof OpenSshCertificate);
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);

        server.setServiceFactories(List.of(ServerUserAuthServiceFactory.INSTANCE, new ProxyConnectionService.Factory()));
        server.setChannelFactories(List.of(new ProxySessionChannel.Factory(commands), new JumpChannel.Factory(router)));
        server.setGlobalRequestHandlers(List.of(KeepAliveHandler.INSTANCE, NoMoreSessionsHandler.INSTANCE));
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.setAgentFactory(null);
        server.setShellFactory(null);
        server.setCommandFactory(null);
        server.setSubsystemFactories(List.of());
        server.addSessionListener(new AuthFailureAudit(audit));
        server.addSessionListener(locks);

        CoreModuleProperties.IDLE_TIMEOUT.set(server, IDLE_TIMEOUT);
        CoreModuleProperties.AUTH_TIMEOUT.set(server, AUTH_TIMEOUT);
        CoreModuleProperties.SOCKET_KEEPALIVE.set(server, true);
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        CoreModuleProperties.SERVER_IDENTIFICATION.set(server, "Mezite_Proxy");
        CoreModuleProperties.MAX_PACKET_SIZE.set(server, MAX_PACKET_SIZE);

        try {
            server.start();
        } catch (IOException e) {
            stop(server);
            throw new IOException("cannot listen on " + Addresses.format(listen) + " (" + configKey + "): "
                    + e.getMessage(), e);
        }
        return new SshEndpoint(server, boundAddress(server, listen));
    }

    /** The address bound, with the real port when 0 was asked for. */
    InetSocketAddress address() {
        return address;
    }

    SshServer server() {
        return server;
    }

    @Override
    public void close() {
        stop(server);
    }

    private static InetSocketAddress boundAddress(SshServer server, InetSocketAddress listen) {
        for (SocketAddress bound : server.getBoundAddresses()) {
            if (bound instanceof InetSocketAddress inet) {
                return inet;
            }
        }
        return new InetSocketAddress(listen.getAddress(), server.getPort());
    }

    private static void stop(SshServer server) {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the proxy's SSH server: " + e.getMessage(), e);
        }
    }
}
