package org.mezite.client;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.agent.local.ProxyAgentFactory;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.mezite.ca.internal.CertificateAuthorityService;

/**
 * A node's SSH server as msh meets it through the proxy: a host certificate from the cluster's host CA (principals
 * id, name, NAME.CLUSTER), user certificates of the user CA for the login, commands through /bin/sh (as the test's
 * own user, with $NODE set to the node's name), SFTP rooted at a directory, port forwarding, and agent forwarding
 * (the command {@code agent-keys} lists the forwarded agent's keys).
 */
final class TestNodeServer implements AutoCloseable {

    final String id;
    final String name;
    final Path home;
    /** What msh asked of the login shell's PTY: {@code TERM COLUMNSxLINES} at its start and each resize. */
    final List<String> terminal = new CopyOnWriteArrayList<>();
    private final SshServer server;

    TestNodeServer(CertificateAuthorityService cas, String id, String name, Path home) throws IOException {
        this(cas, cas, id, name, home);
    }

    /**
     * @param hostCas the CAs that sign this node's host certificate (another cluster's, to test trust), or
     *                {@code null} for a plain host key without certificate
     */
    TestNodeServer(CertificateAuthorityService cas, CertificateAuthorityService hostCas, String id, String name,
            Path home) throws IOException {
        this.id = id;
        this.name = name;
        this.home = home;
        KeyPair hostKey = TestKeys.ed25519();
        PublicKey userCa = TestKeys.userCa(cas);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        if (hostCas != null) {
            OpenSshCertificate certificate = TestKeys.hostCertificate(hostCas, hostKey, id, name,
                    List.of(name + "." + TestCas.CLUSTER));
            server.setHostKeyCertificateProvider(session -> List.of(certificate));
        }
        server.setPublickeyAuthenticator((login, key, session) -> TestKeys.userCertificateFor(userCa, login, key));
        // NODE tells the commands which node they run on: all the tests' nodes are this machine
        // MINA 2.20 runs a ProcessShellFactory's command through /bin/sh -c
        server.setCommandFactory((channel, command) -> command.equals(AgentKeysCommand.NAME) ? new AgentKeysCommand()
                : new ProcessShellFactory("NODE=" + name + "; " + command, "sh").createShell(channel));
        server.setAgentFactory(new ProxyAgentFactory());
        server.setShellFactory(channel -> new RecordingShell(new ProcessShellFactory(
                "exec script -qfec 'bash --norc --noprofile -i' /dev/null", "sh").createShell(channel), terminal));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(home));
        server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        server.start();
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
