package org.mezite.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.Closeable;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.ChannelOutputStream;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.AbstractServerChannel;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.common.channel.RequestHandler;
import org.mezite.ca.internal.CertificateAuthorityService;

/**
 * The proxy's SSH port as msh expects it, played by a MINA server: a host certificate from the cluster's host CA
 * (principals include 127.0.0.1 and the cluster name), user certificates of the user CA, {@code exec "ls [k=v...]"}
 * answering the JSON node list, the subsystem {@code proxy:LOGIN@NODE:PORT} that pipes the channel to the node's SSH
 * server (or refuses with one stderr line and exit status 1), and {@code direct-tcpip} to {@code NODE[.CLUSTER]:22}
 * for stock OpenSSH's ProxyJump.
 */
final class TestProxyServer implements AutoCloseable {

    /** A node the proxy knows; {@code server} {@code null} when offline; {@code logins} the user may use. */
    record Node(String id, String name, String address, Map<String, String> labels, TestNodeServer server,
            Set<String> logins) {
        boolean online() {
            return server != null;
        }
    }

    private static final Pattern SUBSYSTEM = Pattern.compile("proxy:([^@]+)@(.+):(\\d+)");

    private final List<Node> nodes;
    private final SshServer server;
    /** The subsystems and direct-tcpip targets requested, in order, e.g. {@code proxy:alice@node-01:22}. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** The exec commands run, in order, e.g. {@code recordings get ID}. */
    final List<String> commands = new CopyOnWriteArrayList<>();
    /** The recordings {@code recordings ls|get} serve, newest first. */
    final List<StoredRecording> recordings = new CopyOnWriteArrayList<>();

    /**
     * A recording the proxy serves: {@code listed} is its entry in the JSON list; {@code stored} its bytes as the
     * hub keeps them. With {@code pause}, the first {@code pauseAfter} bytes are sent, then the rest once the test
     * lets it go on ({@code pause} counted down); with {@code failAfter} non-negative, the command fails after that
     * many bytes; {@code denied} is the reason access is refused, or {@code null}.
     */
    record StoredRecording(String sessionId, String listed, byte[] stored, int pauseAfter,
            java.util.concurrent.CountDownLatch pause, int failAfter, String denied) {

        static StoredRecording of(String sessionId, String listed, byte[] stored) {
            return new StoredRecording(sessionId, listed, stored, -1, null, -1, null);
        }
    }

    TestProxyServer(CertificateAuthorityService cas, CertificateAuthorityService hostCas, List<Node> nodes)
            throws IOException {
        this.nodes = List.copyOf(nodes);
        KeyPair hostKey = TestKeys.ed25519();
        OpenSshCertificate certificate = TestKeys.hostCertificate(hostCas, hostKey, "proxy", "localhost",
                List.of("127.0.0.1", TestCas.CLUSTER));
        PublicKey userCa = TestKeys.userCa(cas);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setHostKeyCertificateProvider(session -> List.of(certificate));
        server.setPublickeyAuthenticator((user, key, session) -> key instanceof OpenSshCertificate cert
                && cert.getId().equals(user) && TestKeys.userCertificateFor(userCa, cert.getPrincipals().iterator()
                        .next(), key));
        server.setChannelFactories(List.of(new ProxySessionFactory(), new DirectTcpipFactory()));
        server.setCommandFactory((channel, command) -> {
            commands.add(command);
            return command.startsWith("recordings ") ? new RecordingsCommand(command) : new ListCommand(command);
        });
        server.start();
    }

    TestProxyServer(CertificateAuthorityService cas, List<Node> nodes) throws IOException {
        this(cas, cas, nodes);
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** By name, id or NAME.CLUSTER. */
    private Node resolve(String target) {
        String name = target.endsWith("." + TestCas.CLUSTER)
                ? target.substring(0, target.length() - TestCas.CLUSTER.length() - 1) : target;
        return nodes.stream().filter(node -> node.name().equals(name) || node.id().equals(name)).findFirst()
                .orElse(null);
    }

    /** Session channels whose {@code proxy:...} subsystem dials a node. */
    private final class ProxySessionFactory extends ChannelSessionFactory {
        @Override
        public Channel createChannel(Session session) {
            return new ChannelSession() {
                @Override
                protected RequestHandler.Result handleSubsystemParsed(String request, String subsystem)
                        throws IOException {
                    Matcher matcher = SUBSYSTEM.matcher(subsystem);
                    if (!matcher.matches()) {
                        return RequestHandler.Result.ReplyFailure;
                    }
                    requests.add(subsystem);
                    // MINA starts commandInstance once the request is answered
                    commandInstance = new DialCommand(matcher.group(1), matcher.group(2));
                    return prepareChannelCommand(request, commandInstance);
                }
            };
        }
    }

    /** A command run in its own thread with plain streams. */
    private abstract static class BlockingCommand implements Command {
        InputStream in;
        OutputStream out;
        OutputStream err;
        ExitCallback exit;

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback exit) {
            this.exit = exit;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            Thread thread = new Thread(() -> {
                try {
                    exit.onExit(run());
                } catch (IOException e) {
                    exit.onExit(1, e.getMessage());
                }
            }, "test-proxy-command");
            thread.setDaemon(true);
            thread.start();
        }

        abstract int run() throws IOException;

        int refuse(String reason) throws IOException {
            err.write((reason + "\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
            return 1;
        }

        @Override
        public void destroy(ChannelSession channel) {
            // the streams close with the channel
        }
    }

    /** {@code ls [k=v ...]}: the JSON list of nodes with those labels, sorted by name. */
    private final class ListCommand extends BlockingCommand {
        private final String command;

        ListCommand(String command) {
            this.command = command;
        }

        @Override
        int run() throws IOException {
            String[] words = command.strip().split("\\s+");
            if (!words[0].equals("ls")) {
                return refuse("unknown command \"" + words[0] + "\"");
            }
            StringBuilder json = new StringBuilder("[");
            nodes.stream().sorted(Comparator.comparing(Node::name)).filter(node -> {
                for (int i = 1; i < words.length; i++) {
                    String[] label = words[i].split("=", 2);
                    if (!label[1].equals(node.labels().get(label[0]))) {
                        return false;
                    }
                }
                return true;
            }).forEach(node -> {
                json.append(json.length() > 1 ? "," : "").append("{\"id\":\"").append(node.id())
                        .append("\",\"name\":\"").append(node.name()).append("\",\"address\":\"")
                        .append(node.address()).append("\",\"labels\":{");
                String labels = node.labels().entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue()
                        + "\"").reduce((a, b) -> a + "," + b).orElse("");
                json.append(labels).append("},\"online\":").append(node.online()).append('}');
            });
            out.write(json.append("]\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return 0;
        }
    }

    /** {@code recordings ls --format json --limit N} and {@code recordings get ID}, as the proxy answers them. */
    private final class RecordingsCommand extends BlockingCommand {
        private final String command;

        RecordingsCommand(String command) {
            this.command = command;
        }

        @Override
        int run() throws IOException {
            String[] words = command.strip().split("\\s+");
            if (words[1].equals("ls")) {
                StringBuilder json = new StringBuilder("[");
                for (StoredRecording recording : recordings) {
                    json.append(json.length() > 1 ? ",\n" : "\n").append(recording.listed());
                }
                out.write(json.append("\n]\n").toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                return 0;
            }
            String id = words[2];
            StoredRecording recording = recordings.stream().filter(r -> r.sessionId().equals(id)).findFirst()
                    .orElse(null);
            if (recording == null) {
                return refuse("mezite proxy: no recording of session " + id);
            }
            if (recording.denied() != null) {
                return refuse("mezite proxy: access denied: " + recording.denied());
            }
            byte[] stored = recording.stored();
            int end = recording.failAfter() >= 0 ? recording.failAfter() : stored.length;
            int paused = recording.pause() == null ? end : Math.min(recording.pauseAfter(), end);
            out.write(stored, 0, paused);
            out.flush();
            if (recording.pause() != null) {
                try {
                    if (!recording.pause().await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        return refuse("mezite proxy: the test never let the recording go on");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 1;
                }
            }
            out.write(stored, paused, end - paused);
            out.flush();
            if (end < stored.length) {
                return refuse("mezite proxy: cannot read the recording of session " + id + " after " + end
                        + " bytes: disk error");
            }
            return 0;
        }
    }

    /** {@code proxy:LOGIN@NODE:PORT}: checks, then pipes the channel to the node's SSH server. */
    private final class DialCommand extends BlockingCommand {
        private final String login;
        private final String target;

        DialCommand(String login, String target) {
            this.login = login;
            this.target = target;
        }

        @Override
        int run() throws IOException {
            Node node = resolve(target);
            if (node == null) {
                return refuse("node \"" + target + "\" not found");
            }
            if (!node.online()) {
                return refuse("node \"" + node.name() + "\" is offline");
            }
            if (!node.logins().contains(login)) {
                return refuse("access denied: you may not log in as \"" + login + "\" on node \"" + node.name()
                        + "\"");
            }
            try (Socket socket = new Socket("127.0.0.1", node.server().port())) {
                Thread upstream = new Thread(() -> {
                    try {
                        in.transferTo(socket.getOutputStream());
                        socket.shutdownOutput();
                    } catch (IOException e) {
                        // one side went away
                    }
                }, "test-proxy-up");
                upstream.setDaemon(true);
                upstream.start();
                InputStream fromNode = socket.getInputStream();
                byte[] buffer = new byte[32 * 1024];
                for (int n = fromNode.read(buffer); n >= 0; n = fromNode.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the node or msh went away
            }
            return 0;
        }
    }

    /** {@code direct-tcpip} to a node by name, id or NAME.CLUSTER, as {@code ssh -J} asks. */
    private final class DirectTcpipFactory implements ChannelFactory {
        @Override
        public String getName() {
            return "direct-tcpip";
        }

        @Override
        public Channel createChannel(Session session) {
            return new DirectTcpip();
        }
    }

    private final class DirectTcpip extends AbstractServerChannel {
        private Socket socket;

        DirectTcpip() {
            super(null);
        }

        @Override
        protected OpenFuture doInit(Buffer buffer) {
            OpenFuture opened = new DefaultOpenFuture(this, this);
            String host = buffer.getString();
            int port = buffer.getInt();
            requests.add("direct-tcpip:" + host + ":" + port);
            Node node = resolve(host);
            try {
                if (node == null || !node.online() || port != 22) {
                    throw new IOException("no node \"" + host + "\" online at port " + port);
                }
                socket = new Socket("127.0.0.1", node.server().port());
                OutputStream toClient = new ChannelOutputStream(this, getRemoteWindow(), log,
                        SshConstants.SSH_MSG_CHANNEL_DATA, true);
                Thread reader = new Thread(() -> {
                    try {
                        InputStream fromNode = socket.getInputStream();
                        byte[] data = new byte[32 * 1024];
                        for (int n = fromNode.read(data); n >= 0; n = fromNode.read(data)) {
                            toClient.write(data, 0, n);
                            toClient.flush();
                        }
                        toClient.close();
                    } catch (IOException e) {
                        // one side went away
                    } finally {
                        close(false);
                    }
                }, "test-proxy-tcpip");
                reader.setDaemon(true);
                // confirm the channel before the node's first bytes (its banner) go out on it
                signalChannelOpenSuccess();
                opened.setOpened();
                reader.start();
            } catch (IOException e) {
                signalChannelOpenFailure(e);
                opened.setException(e);
            }
            return opened;
        }

        @Override
        protected void doWriteData(byte[] data, int off, long len) throws IOException {
            socket.getOutputStream().write(data, off, (int) len);
            getLocalWindow().release(len);
        }

        @Override
        protected void doWriteExtendedData(byte[] data, int off, long len) throws IOException {
            throw new IOException("no extended data on direct-tcpip");
        }

        @Override
        public void handleEof() throws IOException {
            super.handleEof();
            if (socket != null) {
                socket.shutdownOutput();
            }
        }

        @Override
        protected Closeable getInnerCloseable() {
            return builder().close(super.getInnerCloseable()).run(toString(), () -> {
                try {
                    if (socket != null) {
                        socket.close();
                    }
                } catch (IOException e) {
                    // closing anyway
                }
            }).build();
        }
    }
}
