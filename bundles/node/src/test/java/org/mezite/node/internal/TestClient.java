package org.mezite.node.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.AbstractClientSession;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.config.keys.OpenSshCertificate;

/** A real MINA SSH client, the way msh logs in: with the user's key and its certificate. */
final class TestClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final SshClient client = SshClient.setUpDefaultClient();
    volatile PublicKey serverKey;

    TestClient() {
        client.setServerKeyVerifier((session, address, key) -> {
            serverKey = key;
            return true;
        });
        // msh reaches the node by its name, one of the host certificate's principals, through the proxy; here the
        // client connects to loopback and checks the certificate against the name
        client.addSessionListener(new SessionListener() {
            @Override
            public void sessionNegotiationStart(Session session, Map<KexProposalOption, String> clientProposal,
                    Map<KexProposalOption, String> serverProposal) {
                InetSocketAddress peer = (InetSocketAddress) session.getIoSession().getRemoteAddress();
                try {
                    ((AbstractClientSession) session).setConnectAddress(new InetSocketAddress(InetAddress.getByAddress(
                            NodeUnderTest.NODE_NAME, peer.getAddress().getAddress()), peer.getPort()));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        client.start();
    }

    SshClient mina() {
        return client;
    }

    /** A session authenticated with the certificate. */
    ClientSession login(InetSocketAddress server, String login, KeyPair key, OpenSshCertificate certificate)
            throws IOException {
        return login(server, login, new KeyPair(certificate, key.getPrivate()));
    }

    /** A session authenticated with whatever identity (a plain key pair, or a certificate with its key). */
    ClientSession login(InetSocketAddress server, String login, KeyPair identity) throws IOException {
        ClientSession session = client.connect(login, server).verify(WAIT).getSession();
        session.addPublicKeyIdentity(identity);
        try {
            session.auth().verify(WAIT);
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw e;
        }
        return session;
    }

    /** What a command left behind. */
    record Result(String out, String err, Integer status, String signal) {
    }

    static Result exec(ClientSession session, String command) throws IOException {
        try (ChannelExec channel = session.createExecChannel(command)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(WAIT);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
            return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    channel.getExitStatus(), channel.getExitSignal());
        }
    }

    @Override
    public void close() {
        client.stop();
    }
}
