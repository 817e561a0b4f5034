package org.mezite.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.io.IoServiceFactoryFactory;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * {@code ssh -J JUMP TARGET} inside one JVM: an SSH session to the jump host over TCP, authenticated with the user's
 * certificate; a {@code direct-tcpip} channel on it to the target; and a second SSH session over that channel,
 * authenticated with the same certificate. Both hosts must present host certificates from the host CA. Each step is
 * timed into {@link Phases}.
 */
final class JumpClient implements AutoCloseable {

    private static final AttributeKey<Long> KEYS_ESTABLISHED = new AttributeKey<>();

    private final Options options;
    private final KeyPair identity;
    private final SshClient outer;
    private final SshClient inner;

    JumpClient(Options options) throws IOException, GeneralSecurityException {
        this.options = options;
        this.identity = UserIdentity.load(options.key(), options.cert());
        String caLine = Files.readAllLines(options.hostCa(), StandardCharsets.US_ASCII).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst()
                .orElseThrow(() -> new IOException(options.hostCa() + ": no host CA key in it"));
        PublicKey hostCa = UserIdentity.parsePublicKey(caLine, options.hostCa());
        this.outer = configure(SshClient.setUpDefaultClient(), hostCa);
        this.inner = configure(SshClient.setUpDefaultClient(), hostCa);
        inner.setIoServiceFactoryFactory(new IoServiceFactoryFactory() {
            @Override
            public IoServiceFactory create(FactoryManager manager) {
                return new ChannelIoServiceFactory();
            }

            @Override
            public void setExecutorServiceFactory(
                    org.apache.sshd.common.Factory<CloseableExecutorService> factory) {
                // no threads of its own: the jump session's I/O threads carry the inner sessions
            }
        });
        outer.start();
        inner.start();
    }

    private static SshClient configure(SshClient client, PublicKey hostCa) {
        client.setServerKeyVerifier(new HostCertificateVerifier(hostCa));
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        // held sessions sit idle for as long as the benchmark measures them
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ofHours(2));
        // like OpenSSH's client: small packets (the node's key exchange, typed keys) go out at once
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.addSessionListener(new SessionListener() {
            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.KeyEstablished && session.getAttribute(KEYS_ESTABLISHED) == null) {
                    session.setAttribute(KEYS_ESTABLISHED, System.nanoTime());
                }
            }
        });
        return client;
    }

    /** Opens both sessions, authenticated; the caller closes the returned hop. */
    Hop open(Phases phases) throws IOException {
        Duration timeout = options.timeout();
        long start = System.nanoTime();
        ClientSession jump = outer.connect(options.jump().user(), options.jump().host(), options.jump().port())
                .verify(timeout).getClientSession();
        ClientSession target = null;
        try {
            long connected = phases.mark(Phases.TCP, start);
            jump.addPublicKeyIdentity(identity);
            jump.auth().verify(timeout);
            long authenticated = System.nanoTime();
            phases.split(Phases.KEX, Phases.AUTH, connected, jump.getAttribute(KEYS_ESTABLISHED), authenticated);

            target = inner.connect(options.target().user(),
                    InetSocketAddress.createUnresolved(options.target().host(), options.target().port()),
                    AttributeRepository.ofKeyValuePair(ChannelIoConnector.JUMP_SESSION, jump), null)
                    .verify(timeout).getClientSession();
            long tunnelled = phases.mark(Phases.TUNNEL, authenticated);
            target.addPublicKeyIdentity(identity);
            target.auth().verify(timeout);
            long done = System.nanoTime();
            phases.split(Phases.KEX2, Phases.AUTH2, tunnelled, target.getAttribute(KEYS_ESTABLISHED), done);
            return new Hop(jump, target);
        } catch (IOException | RuntimeException e) {
            if (target != null) {
                target.close(true);
            }
            jump.close(true);
            throw e;
        }
    }

    @Override
    public void close() {
        inner.stop();
        outer.stop();
    }

    /** The two sessions of one {@code ssh -J}. */
    record Hop(ClientSession jump, ClientSession target) implements AutoCloseable {
        @Override
        public void close() {
            target.close(true);
            jump.close(true);
        }
    }
}
