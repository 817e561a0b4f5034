package org.mezite.client;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * Starts {@code -L}, {@code -R} and {@code -D} forwards on a node session. As with OpenSSH, a forward that cannot be
 * set up is a warning, and the session goes on with the others.
 */
final class PortForwards {

    private PortForwards() {
    }

    /** @return how many forwards work */
    static int start(ClientSession session, List<ForwardSpec> local, List<ForwardSpec> remote,
            List<ForwardSpec> dynamic, PrintWriter err) {
        int working = 0;
        for (ForwardSpec spec : local) {
            try {
                session.startLocalPortForwarding(new SshdSocketAddress(spec.bindOrLoopback(), spec.port()),
                        new SshdSocketAddress(spec.host(), spec.hostPort()));
                working++;
            } catch (IOException | RuntimeException e) {
                warn(err, "local forward " + spec + " failed: " + ClusterConnection.message(e));
            }
        }
        for (ForwardSpec spec : remote) {
            try {
                SshdSocketAddress bound = session.startRemotePortForwarding(
                        new SshdSocketAddress(spec.bindOrLoopback(), spec.port()),
                        new SshdSocketAddress(spec.host(), spec.hostPort()));
                if (spec.port() == 0) {
                    err.println("Allocated port " + bound.getPort() + " for remote forward to " + spec.host() + ":"
                            + spec.hostPort());
                    err.flush();
                }
                working++;
            } catch (IOException | RuntimeException e) {
                warn(err, "remote port forwarding failed for listen port " + spec.port() + ": "
                        + ClusterConnection.message(e));
            }
        }
        for (ForwardSpec spec : dynamic) {
            try {
                session.startDynamicPortForwarding(new SshdSocketAddress(spec.bindOrLoopback(), spec.port()));
                working++;
            } catch (IOException | RuntimeException e) {
                warn(err, "dynamic forward " + spec + " failed: " + ClusterConnection.message(e));
            }
        }
        return working;
    }

    private static void warn(PrintWriter err, String message) {
        err.println("msh: warning: " + message);
        err.flush();
    }
}
