package org.mezite.proxy.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.mezite.api.ca.HostCertificateRequest;
import org.mezite.api.ca.SshCertificate;

/**
 * A MINA SSH server standing for a node's agent: user certificates of the cluster's user CA for a login among their
 * principals, and two commands: {@code hello} prints {@code hello from NODE as LOGIN}, {@code cat} sends its input
 * back. With a host certificate when asked (OpenSSH checks it against the node's name).
 */
final class NodeSshServer implements AutoCloseable {

    private final SshServer server;
    private final KeyPair hostKey;

    private NodeSshServer(SshServer server, KeyPair hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    /** @param nodeId the node id for a host certificate, or {@code null} for a plain host key */
    static NodeSshServer start(String name, String nodeId) throws IOException {
        KeyPair hostKey = TestHub.newKey();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        if (nodeId != null) {
            SshCertificate certificate = TestHub.cas().sign(new HostCertificateRequest(
                    PublicKeyEntry.toString(hostKey.getPublic()), nodeId, name,
                    List.of(name + "." + TestHub.CLUSTER), Duration.ofHours(1)));
            OpenSshCertificate parsed = (OpenSshCertificate) TestHub.parse(certificate.authorizedKey());
            server.setHostKeyCertificateProvider(session -> List.of(parsed));
        }
        PublicKey userCa = TestHub.userCaKey();
        server.setPublickeyAuthenticator((login, key, session) -> key instanceof OpenSshCertificate certificate
                && KeyUtils.compareKeys(userCa, certificate.getCaPubKey())
                && certificate.getPrincipals().contains(login));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, command) -> switch (command) {
            case "hello" -> new Hello(name);
            case "cat" -> new Cat();
            default -> throw new IllegalArgumentException("unknown command " + command);
        });
        server.start();
        return new NodeSshServer(server, hostKey);
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.getPort());
    }

    PublicKey hostKey() {
        return hostKey.getPublic();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** A command on its own thread with blocking streams. */
    private abstract static class BlockingCommand implements Command, Runnable {
        InputStream in;
        OutputStream out;
        ExitCallback exit;
        ChannelSession channel;

        @Override
        public void setInputStream(InputStream stream) {
            in = stream;
        }

        @Override
        public void setOutputStream(OutputStream stream) {
            out = stream;
        }

        @Override
        public void setErrorStream(OutputStream stream) {
            // unused
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            exit = callback;
        }

        @Override
        public void start(ChannelSession session, Environment environment) {
            channel = session;
            Thread thread = new Thread(this, "test-node-command");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            try {
                execute();
                out.flush();
                exit.onExit(0);
            } catch (IOException e) {
                exit.onExit(1, e.getMessage());
            }
        }

        abstract void execute() throws IOException;

        @Override
        public void destroy(ChannelSession session) {
            // the thread ends with its streams
        }
    }

    private static final class Hello extends BlockingCommand {
        private final String name;

        Hello(String name) {
            this.name = name;
        }

        @Override
        void execute() throws IOException {
            out.write(("hello from " + name + " as " + channel.getSession().getUsername() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final class Cat extends BlockingCommand {
        @Override
        void execute() throws IOException {
            in.transferTo(out);
        }
    }
}
