package org.mezite.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.client.channel.ChannelShell;

/**
 * Many interactive sessions held open at once: each one a full {@code ssh -J} with a PTY and a login shell, checked
 * by having the shell compute and echo a marker. While all are open, an optional command (--on-held) runs, e.g. to
 * read the servers' memory; then every session is checked again and all are closed.
 */
final class HoldBenchmark {

    private final Options options;

    HoldBenchmark(Options options) {
        this.options = options;
    }

    int run() throws Exception {
        int k = options.count();
        System.out.printf("hold: %s -> %s, %d sessions with pty + shell, %d being opened at a time%n",
                options.jump(), options.target(), k, options.parallel());
        List<Held> held = new ArrayList<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        Samples openTimes = new Samples();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallel());
        try (JumpClient client = new JumpClient(options)) {
            long start = System.nanoTime();
            List<Future<Held>> opening = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                int n = i;
                opening.add(pool.submit(() -> open(client, n)));
            }
            for (Future<Held> f : opening) {
                try {
                    Held h = f.get();
                    held.add(h);
                    openTimes.add(h.openMillis);
                } catch (java.util.concurrent.ExecutionException e) {
                    failed.incrementAndGet();
                    if (failures.size() < 5) {
                        failures.add(String.valueOf(e.getCause()));
                    }
                }
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "HELD ok=%d failed=%d open_s=%.1f%n", held.size(), failed.get(),
                    openSeconds);
            failures.forEach(f -> System.out.println("  failure: " + f));
            System.out.flush();

            if (options.onHeld() != null) {
                ProcessBuilder pb = new ProcessBuilder("bash", "-c", options.onHeld()).inheritIO();
                pb.environment().put("BENCH_HELD", String.valueOf(held.size()));
                int status = pb.start().waitFor();
                if (status != 0) {
                    System.err.println("--on-held command exited with " + status);
                }
            }

            AtomicInteger alive = new AtomicInteger();
            List<Future<?>> checks = new ArrayList<>();
            for (Held h : held) {
                checks.add(pool.submit(() -> {
                    if (h.echo("again")) {
                        alive.incrementAndGet();
                    }
                }));
            }
            for (Future<?> c : checks) {
                try {
                    c.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // counted as not alive
                }
            }
            System.out.printf(Locale.ROOT,
                    "RESULT target=%d ok=%d failed=%d open_s=%.1f alive_after=%d open_p50=%.1f open_p99=%.1f%n",
                    k, held.size(), failed.get(), openSeconds, alive.get(), openTimes.percentile(50),
                    openTimes.percentile(99));
            for (Held h : held) {
                h.hop.close();
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return held.isEmpty() ? 1 : 0;
    }

    private Held open(JumpClient client, int n) throws IOException {
        long start = System.nanoTime();
        JumpClient.Hop hop = client.open(new Phases());
        try {
            ChannelShell shell = hop.target().createShellChannel();
            shell.setPtyType("xterm");
            shell.setPtyColumns(120);
            shell.setPtyLines(40);
            Screen screen = new Screen();
            shell.setOut(screen);
            shell.setErr(screen);
            shell.open().verify(options.timeout());
            Held held = new Held(n, hop, shell, screen, options.timeout());
            if (!held.echo("first")) {
                throw new IOException("session " + n + ": the shell did not echo its marker within "
                        + options.timeout() + "; last output: " + screen.tail());
            }
            held.openMillis = (System.nanoTime() - start) / 1e6;
            return held;
        } catch (IOException | RuntimeException e) {
            hop.close();
            throw e;
        }
    }

    /** One held session. */
    private static final class Held {
        final int n;
        final JumpClient.Hop hop;
        final ChannelShell shell;
        final Screen screen;
        final Duration timeout;
        double openMillis;

        Held(int n, JumpClient.Hop hop, ChannelShell shell, Screen screen, Duration timeout) {
            this.n = n;
            this.hop = hop;
            this.shell = shell;
            this.screen = screen;
            this.timeout = timeout;
        }

        /** Has the shell compute a marker (6*7), so the terminal's echo of the typed line alone does not match. */
        boolean echo(String round) {
            String marker = "bench-" + round + "-" + n + "-42";
            try {
                OutputStream in = shell.getInvertedIn();
                in.write(("echo bench-" + round + "-" + n + "-$((6*7))\n").getBytes(StandardCharsets.US_ASCII));
                in.flush();
                return screen.await(marker, timeout);
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The last few KiB a session's terminal printed. */
    private static final class Screen extends OutputStream {
        private static final int KEEP = 8192;
        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void write(int b) {
            text.append((char) b);
            trim();
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            text.append(new String(b, off, len, StandardCharsets.ISO_8859_1));
            trim();
            notifyAll();
        }

        private void trim() {
            if (text.length() > KEEP) {
                text.delete(0, text.length() - KEEP / 2);
            }
        }

        synchronized boolean await(String marker, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (text.indexOf(marker) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        synchronized String tail() {
            int from = Math.max(0, text.length() - 200);
            return text.substring(from).replaceAll("[\\p{Cntrl}&&[^\n]]", "?");
        }
    }
}
