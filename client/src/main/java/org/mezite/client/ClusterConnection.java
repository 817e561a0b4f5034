package org.mezite.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.StreamingChannel;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.forward.StaticDecisionForwardingFilter;

/**
 * msh's SSH connection to the cluster: one authenticated session with the proxy's SSH port, which lists nodes and
 * opens each node's SSH connection as a channel ({@code proxy:LOGIN@NODE:PORT}); msh's session with the node runs
 * end to end inside that channel, checked against the cluster's host CA like the proxy itself.
 */
final class ClusterConnection implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How long closing waits for the other side before it just goes. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /** How long a refused node channel may take to deliver the proxy's reason after it closed. */
    private static final Duration REASON_WAIT = Duration.ofSeconds(5);

    private final Credentials credentials;
    private final ProxyAddress address;
    private final MshSshClient client;
    private final HostCertificateVerifier verifier;
    private final ClientSession proxy;

    private ClusterConnection(Credentials credentials, ProxyAddress address, MshSshClient client,
            HostCertificateVerifier verifier, ClientSession proxy) {
        this.credentials = credentials;
        this.address = address;
        this.client = client;
        this.verifier = verifier;
        this.proxy = proxy;
    }

    /** What a connection needs beyond the credentials: agent forwarding, remote port forwards. */
    record Options(SshAgentFactory agent, boolean remoteForwards) {
        static final Options NONE = new Options(null, false);
    }

    /**
     * Connects and authenticates to the proxy's SSH port.
     *
     * @throws MshException saying what failed: unreachable, untrusted, or the certificate refused
     */
    static ClusterConnection open(MshHome home, Credentials credentials, Options options) {
        SshLibrary.configure();
        ProxyAddress address = credentials.proxySsh();
        HostCertificateVerifier verifier = HostCertificateVerifier.read(home.knownHosts(), credentials.cluster());
        ForwardingFilter forwards = options.remoteForwards() ? new StaticDecisionForwardingFilter(true)
                : RejectAllForwardingFilter.INSTANCE;
        MshSshClient client = (MshSshClient) ClientBuilder.builder().factory(MshSshClient::new)
                .serverKeyVerifier(verifier).hostConfigEntryResolver(HostConfigEntryResolver.EMPTY)
                .forwardingFilter(forwards).build();
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setAgentFactory(options.agent());
        ProxyBanner banner = new ProxyBanner();
        client.setUserInteraction(banner);
        configure(client);
        client.start();
        ClientSession session = null;
        try {
            session = client.connect(credentials.user(), address.host(), address.port()).verify(TIMEOUT)
                    .getSession();
            session.addPublicKeyIdentity(credentials.certified());
            session.auth().verify(TIMEOUT);
            return new ClusterConnection(credentials, address, client, verifier, session);
        } catch (IOException | RuntimeException e) {
            MshException failure = proxyFailure(address, verifier.refusalOf(session), banner.text(), e);
            client.stop();
            throw failure;
        }
    }

    /**
     * Settings for a client whose sessions may sit idle for hours and wait long for a slow reader. Under a full JIT
     * ({@code -Dmsh.jit=full}, bin/msh's choice for scp) AES-GCM comes first: C2 runs it on the CPU's AES
     * instructions, fastest of all; C1 alone (short runs) computes it slowly, and keeps MINA's ChaCha20-Poly1305.
     */
    private static void configure(SshClient client) {
        if ("full".equals(System.getProperty("msh.jit"))) {
            client.setCipherFactories(List.of(BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm,
                    BuiltinCiphers.cc20p1305_openssh, BuiltinCiphers.aes128ctr, BuiltinCiphers.aes192ctr,
                    BuiltinCiphers.aes256ctr));
        }
        CoreModuleProperties.ABORT_ON_INVALID_CERTIFICATE.set(client, true);
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        CoreModuleProperties.NIO2_READ_TIMEOUT.set(client, Duration.ZERO);
        CoreModuleProperties.WAIT_FOR_SPACE_TIMEOUT.set(client, Duration.ofDays(365));
    }

    private static MshException proxyFailure(ProxyAddress address, String refusal, String banner, Exception e) {
        if (refusal != null) {
            return new MshException(MshException.CONNECTION, "the proxy at " + address + " is not trusted: "
                    + refusal);
        }
        Throwable root = root(e);
        if (root instanceof ConnectException) {
            return new MshException(MshException.CONNECTION, "cannot reach the proxy's SSH port at " + address
                    + ": nothing accepts connections there");
        }
        if (root instanceof UnknownHostException) {
            return new MshException(MshException.CONNECTION, "cannot reach the proxy's SSH port at " + address
                    + ": unknown host " + address.host());
        }
        String message = message(e);
        if (message.contains("No more authentication methods")) {
            return new MshException(MshException.CONNECTION, "the proxy at " + address
                    + " refused your certificate" + (banner.isEmpty() ? "; run msh login" : ": " + banner));
        }
        if (message.contains("certificate") || message.contains("principal")) {
            return new MshException(MshException.CONNECTION, "the proxy at " + address + " is not trusted: "
                    + message);
        }
        return new MshException(MshException.CONNECTION, "cannot connect to the proxy at " + address + ": "
                + message);
    }

    Credentials credentials() {
        return credentials;
    }

    /**
     * Runs a command of the proxy's own ({@code ls ...}) and returns its standard output.
     *
     * @throws MshException with the proxy's standard error when the command fails
     */
    byte[] proxyCommand(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = proxy.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(TIMEOUT);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ZERO);
            Integer status = channel.getExitStatus();
            if (status == null || status != 0) {
                String reason = firstLine(err.toString(StandardCharsets.UTF_8));
                throw MshException.failed(reason.isEmpty() ? "the proxy could not run \"" + command + "\""
                        + (status == null ? "" : " (exit status " + status + ")") : reason);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new MshException(MshException.CONNECTION, "the proxy at " + address + " failed to run \""
                    + command + "\": " + message(e));
        }
    }

    /**
     * Runs a command of the proxy's own whose output is streamed rather than collected ({@code recordings get ...}):
     * read the returned stream as the output arrives.
     *
     * @throws MshException when the command cannot be started; reading the stream throws it with the proxy's
     *                      standard error when the command fails
     */
    ProxyCommandOutput proxyOutput(String command) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ChannelExec channel = null;
        try {
            channel = proxy.createExecChannel(command);
            channel.setErr(err);
            channel.open().verify(TIMEOUT);
            return new ProxyCommandOutput(channel, channel.getInvertedOut(), err, command, address);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close(true);
            }
            throw new MshException(MshException.CONNECTION, "the proxy at " + address + " failed to run \""
                    + command + "\": " + message(e));
        }
    }

    /**
     * Opens an SSH session with a node through the proxy, authenticated with msh's certificate.
     *
     * @param node  the node's name or id, as the proxy resolves it
     * @param login the Unix login on the node
     * @throws MshException with the proxy's reason when it refuses (access denied, unknown or offline node), or
     *                      when the node cannot be verified or authenticated
     */
    NodeSession openNode(String login, String node, int port) {
        ChannelSubsystem channel = null;
        ReasonCollector reason = null;
        ClientSession session = null;
        try {
            channel = proxy.createSubsystemChannel(subsystem(login, node, port));
            channel.setStreaming(StreamingChannel.Streaming.Async);
            channel.open().verify(TIMEOUT);
            reason = new ReasonCollector(channel.getAsyncErr());
            session = client.connectThrough(channel, login, node, port).verify(TIMEOUT).getSession();
            session.addPublicKeyIdentity(credentials.certified());
            session.auth().verify(TIMEOUT);
            return new NodeSession(session, node, login, reason::text);
        } catch (IOException | RuntimeException e) {
            MshException failure = nodeFailure(login, node, channel, reason, session, e);
            if (session != null) {
                session.close(true);
            }
            if (channel != null) {
                channel.close(true);
            }
            throw failure;
        }
    }

    /** The proxy's subsystem that connects to a node: {@code proxy:LOGIN@NODE:PORT}. */
    static String subsystem(String login, String node, int port) {
        return "proxy:" + login + "@" + node + ":" + port;
    }

    private MshException nodeFailure(String login, String node, ChannelSubsystem channel, ReasonCollector reason,
            ClientSession session, Exception e) {
        if (channel != null && reason != null) {
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), REASON_WAIT);
            String line = firstLine(reason.text());
            if (!line.isEmpty()) {
                return new MshException(MshException.CONNECTION, line);
            }
        }
        String refusal = verifier.refusalOf(session);
        if (refusal != null) {
            return new MshException(MshException.CONNECTION, "node \"" + node + "\" is not trusted: " + refusal);
        }
        String message = message(e);
        if (message.contains("No more authentication methods")) {
            return new MshException(MshException.CONNECTION, "node \"" + node + "\" refused your certificate for login \""
                    + login + "\"");
        }
        if (message.contains("certificate") || message.contains("principal")) {
            return new MshException(MshException.CONNECTION, "node \"" + node + "\" is not trusted: " + message);
        }
        if (proxy.isClosing()) {
            return new MshException(MshException.CONNECTION, "lost the connection to the proxy at " + address);
        }
        if (channel != null && channel.isClosing()) {
            return new MshException(MshException.CONNECTION, "the proxy closed the connection to node \"" + node
                    + "\" without saying why");
        }
        return new MshException(MshException.CONNECTION, "cannot connect to node \"" + node + "\": " + message);
    }

    @Override
    public void close() {
        proxy.close(false).awaitUninterruptibly(CLOSE_WAIT.toMillis());
        client.stop();
    }

    static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return (newline < 0 ? stripped : stripped.substring(0, newline)).strip();
    }

    /** The innermost message that says something. */
    static String message(Throwable e) {
        if (e instanceof InterruptedIOException) {
            return "interrupted";
        }
        String message = e.getClass().getSimpleName();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
