package org.mezite.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code msh ssh LOGIN@KEY=VALUE COMMAND}: runs the command on every online node with those labels, a few at a time
 * over the one proxy connection, each line of output prefixed with {@code [NODE] }. Exits 0 when all succeeded,
 * else with the first failing status in node order.
 */
final class MultiNodeRun {

    private final ClusterConnection cluster;
    private final MshContext context;
    private final PrintWriter err;

    MultiNodeRun(ClusterConnection cluster, MshContext context, PrintWriter err) {
        this.cluster = cluster;
        this.context = context;
        this.err = err;
    }

    int run(LabelSelector selector, String login, SshSettings settings) {
        List<NodeInfo> nodes = new ArrayList<>();
        for (NodeInfo node : NodeInfo.parseList(cluster.proxyCommand(selector.lsCommand()))) {
            if (node.online() && selector.matches(node.labels())) {
                nodes.add(node);
            }
        }
        if (nodes.isEmpty()) {
            throw MshException.failed("no online node matches " + selector);
        }
        Object outLock = new Object();
        Object errLock = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallel(), nodes.size()), task -> {
            Thread thread = new Thread(task, "msh-node");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (NodeInfo node : nodes) {
                results.add(pool.submit(() -> runOn(node, login, settings, outLock, errLock)));
            }
            int status = 0;
            for (Future<Integer> result : results) {
                int nodeStatus = result.get();
                if (status == 0) {
                    status = nodeStatus;
                }
            }
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MshException.failed("interrupted");
        } catch (ExecutionException e) {
            throw MshException.failed("running on the nodes failed: " + ClusterConnection.message(e.getCause()));
        } finally {
            pool.shutdownNow();
        }
    }

    private int runOn(NodeInfo node, String login, SshSettings settings, Object outLock, Object errLock)
            throws IOException {
        String prefix = "[" + node.name() + "] ";
        StdIo io = context.stdio();
        try (LinePrefixingOutputStream out = new LinePrefixingOutputStream(prefix, io.out(), outLock);
                LinePrefixingOutputStream nodeErr = new LinePrefixingOutputStream(prefix, io.err(), errLock)) {
            try (NodeSession session = cluster.openNode(login, node.id(), settings.port())) {
                StdIo nodeIo = new StdIo(InputStream.nullInputStream(), out, nodeErr, false);
                return new RemoteSession(session.session(), node.name(), nodeIo, context.environment()).run(
                        new RemoteSession.Request(settings.command(), false, settings.agent(), null), null);
            } catch (MshException | IOException e) {
                String message = e instanceof MshException ? e.getMessage() : ClusterConnection.message(e);
                nodeErr.write(("msh: " + message + "\n").getBytes(StandardCharsets.UTF_8));
                return MshException.CONNECTION;
            }
        } finally {
            err.flush();
        }
    }
}
