package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The mezd agents a test joins to its hub, each with a fresh token, and waiting for them to show in msh ls. */
final class Agents implements AutoCloseable {

    static final String CLUSTER = "mezite";

    private final Mezhub hub;
    private final Path dir;
    private final List<MezdProcess> started = new ArrayList<>();

    Agents(Mezhub hub, Path dir) {
        this.hub = hub;
        this.dir = dir;
    }

    /** Joins an agent with a new token; {@code extraConfig} lines go into its configuration file as they are. */
    MezdProcess start(String name, String labels, String... extraConfig) throws Exception {
        return startVia(name, labels, "127.0.0.1:" + hub.authPort, extraConfig);
    }

    /**
     * Joins an agent that reaches Auth at {@code authAddress} (e.g. a forwarder the test can cut) and the proxy's
     * tunnel directly.
     */
    MezdProcess startVia(String name, String labels, String authAddress, String... extraConfig) throws Exception {
        Mezhub.ClientResult token = hub.client("mezite:token-add");
        assertThat(token.exitCode()).as(token.output()).isZero();
        String value = Commands.find("\\b[0-9a-f]{64}\\b", token.output());
        String pin = Commands.find("sha256:[0-9a-f]{64}", token.output());
        Path config = dir.resolve(name + ".conf");
        List<String> lines = new ArrayList<>(List.of("node_name = " + name, "hub = " + authAddress,
                "proxy = 127.0.0.1:" + hub.tunnelPort, "data_dir = " + dir.resolve(name), "labels = " + labels,
                "token = " + value, "ca_pin = " + pin));
        lines.addAll(List.of(extraConfig));
        Files.write(config, lines);
        MezdProcess agent = MezdProcess.start(config);
        started.add(agent);
        agent.await("joined cluster " + CLUSTER + " as node");
        return agent;
    }

    /**
     * Starts the agent again with the configuration and data directory {@link #start} gave it (after a stop or a
     * {@code kill -9}), and waits until it has loaded its saved identity.
     */
    MezdProcess restart(String name) throws Exception {
        Path config = dir.resolve(name + ".conf");
        assertThat(config).as("the agent %s was started before", name).exists();
        MezdProcess agent = MezdProcess.start(config);
        started.add(agent);
        agent.await("is node \\S+ of cluster " + CLUSTER);
        return agent;
    }

    /** Waits (two minutes at most) until the user's msh ls shows the node with that online flag. */
    void awaitOnline(Msh user, String node, boolean online) throws Exception {
        Pattern wanted = online(node, online);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Msh.Run last = null;
        while (System.nanoTime() < deadline) {
            last = user.run("ls", "--format", "json");
            if (last.exitCode() == 0 && wanted.matcher(last.out()).find()) {
                return;
            }
            Thread.sleep(500);
        }
        String log = hub.output();
        throw new AssertionError("msh ls never showed " + node + " online=" + online + "; last: " + last
                + "\nhub log (end):\n" + log.substring(Math.max(0, log.length() - 6000)) + "\nagents:\n" + texts());
    }

    /** The node's entry in msh ls's JSON, with that online flag (the entry ends before the next "name"). */
    static Pattern online(String node, boolean online) {
        return Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(node) + "\"((?!\"name\").)*\"online\"\\s*:\\s*"
                + online, Pattern.DOTALL);
    }

    /** What every agent printed, for failure messages. */
    String texts() {
        return started.stream().map(MezdProcess::text).reduce("", (a, b) -> a + b + "\n");
    }

    @Override
    public void close() throws InterruptedException {
        for (MezdProcess agent : started) {
            agent.kill();
        }
    }
}
