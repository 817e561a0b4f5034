package org.mezite.proxy.ssh.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.PublicKeyIdentity;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKey;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.RequiredServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;

/**
 * An SSH client for the tests, as msh would be: trusts the proxy by its host certificate from the cluster's host CA and
 * logs in with a user certificate.
 */
final class ProxyClient implements AutoCloseable {

    /** A guard against a hung test, not a timing assertion. */
    static final Duration GUARD = Duration.ofSeconds(30);

    private final SshClient client;

    private ProxyClient(SshClient client) {
        this.client = client;
    }

    static ProxyClient start() {
        return start(false);
    }

    /**
     * @param offerAnyKey offer keys MINA's client would hold back (expired certificates), to see the server refuse
     *                    them
     */
    static ProxyClient start(boolean offerAnyKey) {
        SshClient client = SshClient.setUpDefaultClient();
        PublicKey hostCa = TestHub.hostCaKey();
        client.setServerKeyVerifier((session, address, key) -> key instanceof OpenSshCertificate certificate
                && certificate.getType() == OpenSshCertificate.Type.HOST
                && KeyUtils.compareKeys(hostCa, certificate.getCaPubKey()));
        if (offerAnyKey) {
            client.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory() {
                @Override
                public UserAuthPublicKey createUserAuth(ClientSession session) {
                    return new UserAuthPublicKey(getSignatureFactories()) {
                        @Override
                        protected PublicKeyIdentity resolveAttemptedPublicKeyIdentity(ClientSession clientSession,
                                String service, org.apache.sshd.client.auth.pubkey.PublicKeyAuthenticationReporter r) {
                            return keys != null && keys.hasNext() ? keys.next() : null;
                        }
                    };
                }
            }));
        }
        client.start();
        return new ProxyClient(client);
    }

    /** Connects to the proxy and logs in with this key (a certificate, or not). */
    ClientSession login(int port, String sshUser, KeyPair key) throws IOException {
        ClientSession session = connect(port, sshUser);
        session.addPublicKeyIdentity(key);
        session.auth().verify(GUARD);
        return session;
    }

    ClientSession connect(int port, String sshUser) throws IOException {
        return client.connect(sshUser, "127.0.0.1", port).verify(GUARD).getSession();
    }

    /** A session with a node reached through a local forward on the proxy session: what ProxyJump does. */
    ClientSession jump(ClientSession proxy, String node, String login, KeyPair key, PublicKey nodeHostKey)
            throws IOException {
        var tracker = proxy.createLocalPortForwardingTracker(
                new org.apache.sshd.common.util.net.SshdSocketAddress("127.0.0.1", 0),
                new org.apache.sshd.common.util.net.SshdSocketAddress(node, 22));
        SshClient nodeClient = SshClient.setUpDefaultClient();
        nodeClient.setServerKeyVerifier(new RequiredServerKeyVerifier(nodeHostKey));
        nodeClient.start();
        ClientSession session = nodeClient.connect(login, "127.0.0.1", tracker.getBoundAddress().getPort())
                .verify(GUARD).getSession();
        session.addCloseFutureListener(f -> {
            nodeClient.stop();
            try {
                tracker.close();
            } catch (IOException e) {
                // closing anyway
            }
        });
        session.addPublicKeyIdentity(key);
        session.auth().verify(GUARD);
        return session;
    }

    /** What a command printed and how it exited. */
    record Result(String stdout, String stderr, Integer exitStatus) {
    }

    static Result exec(ClientSession session, String command) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(GUARD);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), GUARD);
            return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    channel.getExitStatus());
        }
    }

    @Override
    public void close() {
        client.stop();
    }
}
