package org.mezite.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.common.util.io.output.NullOutputStream;

/**
 * Sequential new sessions, each a complete {@code ssh -J JUMP TARGET COMMAND}: connect, authenticate at the jump
 * host, open the channel to the node, authenticate there, run the command, wait for its exit status, close. The JVM is
 * warmed up by untimed sessions first, so this is the protocol path and the servers, not the JVM's start.
 */
final class ConnectBenchmark {

    private final Options options;

    ConnectBenchmark(Options options) {
        this.options = options;
    }

    int run() throws Exception {
        System.out.printf("connect: %s -> %s, `%s`, %d warm-up + %d timed sessions, one after the other%n",
                options.jump(), options.target(), options.command(), options.warmup(), options.count());
        Samples total = new Samples();
        Samples[] phases = new Samples[Phases.NAMES.size()];
        for (int i = 0; i < phases.length; i++) {
            phases[i] = new Samples();
        }
        int failed = 0;
        String firstFailure = null;
        try (JumpClient client = new JumpClient(options)) {
            for (int i = 0; i < options.warmup() + options.count(); i++) {
                boolean timed = i >= options.warmup();
                Phases p = new Phases();
                long start = System.nanoTime();
                try {
                    session(client, p);
                } catch (Exception e) {
                    failed++;
                    if (firstFailure == null) {
                        firstFailure = e.toString();
                        System.err.println("session " + i + " failed: " + e);
                    }
                    if (failed > Math.max(3, (options.warmup() + options.count()) / 10)) {
                        System.err.println("too many failures, stopping");
                        break;
                    }
                    continue;
                }
                if (timed) {
                    total.add((System.nanoTime() - start) / 1e6);
                    for (int k = 0; k < phases.length; k++) {
                        phases[k].add(p.nanos(k) / 1e6);
                    }
                }
            }
        }
        System.out.println("phase      mean ms    p50 ms    p99 ms");
        for (int k = 0; k < phases.length; k++) {
            System.out.printf(Locale.ROOT, "%-8s %9.2f %9.2f %9.2f%n", Phases.shortName(k), phases[k].mean(),
                    phases[k].percentile(50), phases[k].percentile(99));
        }
        System.out.printf(Locale.ROOT, "%-8s %9.2f %9.2f %9.2f   (min %.2f, max %.2f)%n", "total", total.mean(),
                total.percentile(50), total.percentile(99), total.min(), total.max());
        StringBuilder result = new StringBuilder();
        result.append(String.format(Locale.ROOT, "RESULT n=%d failed=%d p50=%.2f p99=%.2f mean=%.2f", total.size(),
                failed, total.percentile(50), total.percentile(99), total.mean()));
        for (int k = 0; k < phases.length; k++) {
            result.append(String.format(Locale.ROOT, " %s=%.2f", Phases.shortName(k), phases[k].mean()));
        }
        System.out.println(result);
        if (firstFailure != null) {
            System.out.println("FIRST_FAILURE " + firstFailure);
        }
        return total.size() == 0 ? 1 : 0;
    }

    private void session(JumpClient client, Phases phases) throws IOException {
        Duration timeout = options.timeout();
        JumpClient.Hop hop = client.open(phases);
        try {
            long start = System.nanoTime();
            ChannelExec exec = hop.target().createExecChannel(options.command());
            OutputStream sink = new NullOutputStream();
            exec.setOut(sink);
            exec.setErr(sink);
            exec.open().verify(timeout);
            Set<ClientChannelEvent> events = exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            if (!events.contains(ClientChannelEvent.CLOSED)) {
                throw new IOException("`" + options.command() + "` did not finish within " + timeout);
            }
            Integer status = exec.getExitStatus();
            if (status == null || status != 0) {
                throw new IOException("`" + options.command() + "` ended with exit status " + status
                        + (exec.getExitSignal() == null ? "" : ", signal " + exec.getExitSignal()));
            }
            phases.mark(Phases.EXEC, start);
        } finally {
            long closing = System.nanoTime();
            hop.close();
            phases.mark(Phases.CLOSE, closing);
        }
    }
}
