package org.mezite.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Map;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.local.AgentServerProxy;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * The test node's {@code agent-keys}: lists the keys of the agent the client forwarded ({@code -A}), one
 * {@code TYPE COMMENT SIGNATURE-ALGORITHM} line each, by opening an agent channel back to the client as sshd does
 * for a program that talks to SSH_AUTH_SOCK, and having the agent sign with each key as an onward ssh would; a
 * signature that does not verify with the key is listed as {@code BAD-SIGNATURE}. Without a forwarded agent it says
 * so and exits 2.
 */
final class AgentKeysCommand implements Command {

    static final String NAME = "agent-keys";

    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    @Override
    public void start(ChannelSession channel, Environment env) {
        Thread thread = new Thread(() -> exit.onExit(list(channel, env.getEnv())), "test-agent-keys");
        thread.setDaemon(true);
        thread.start();
    }

    private int list(ChannelSession channel, Map<String, String> env) {
        try {
            if (!env.containsKey(SshAgent.SSH_AUTHSOCKET_ENV_NAME)) {
                err.write("no agent forwarded\n".getBytes(StandardCharsets.UTF_8));
                err.flush();
                return 2;
            }
            ConnectionService connection = channel.getSession().getService(ConnectionService.class);
            try (SshAgent agent = new AgentServerProxy(connection).createClient()) {
                StringBuilder keys = new StringBuilder();
                for (Map.Entry<PublicKey, String> key : agent.getIdentities()) {
                    keys.append(KeyUtils.getKeyType(key.getKey())).append(' ').append(key.getValue()).append(' ')
                            .append(signature(channel, agent, key.getKey())).append('\n');
                }
                out.write(keys.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return 0;
        } catch (IOException e) {
            return 1;
        }
    }

    /** The algorithm the agent signed with, if the signature verifies with the key, else BAD-SIGNATURE. */
    private static String signature(ChannelSession channel, SshAgent agent, PublicKey key) throws IOException {
        byte[] data = "what an onward ssh asks the agent to sign".getBytes(StandardCharsets.UTF_8);
        Map.Entry<String, byte[]> signed = agent.sign(channel.getSession(), key, KeyUtils.getKeyType(key), data);
        PublicKey plain = key instanceof OpenSshCertificate certificate ? certificate.getCertPubKey() : key;
        try {
            Signature verifier = BuiltinSignatures.fromFactoryName(signed.getKey()).create();
            verifier.initVerifier(channel.getSession(), plain);
            verifier.update(channel.getSession(), data);
            return verifier.verify(channel.getSession(), signed.getValue()) ? signed.getKey() : "BAD-SIGNATURE";
        } catch (Exception e) {
            return "BAD-SIGNATURE " + e;
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        // nothing held
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void setInputStream(java.io.InputStream in) {
        // reads nothing
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }
}
