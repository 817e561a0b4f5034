package org.mezite.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The benchmark harness's entry point.
 * <pre>
 *   java -jar mezite-bench.jar connect --jump USER@HOST:PORT --target USER@NODE:PORT --key KEY --cert KEY-cert.pub
 *        --host-ca FILE [-n 200] [--warmup 20] [--command true] [--timeout 60]
 *   java -jar mezite-bench.jar hold    (same connection options) [-n 1000] [--parallel 8] [--on-held 'CMD']
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("connect") || args[0].equals("hold"))) {
            System.err.println("usage: mezite-bench connect|hold --jump USER@HOST:PORT --target USER@NODE:PORT"
                    + " --key KEY --cert CERT --host-ca FILE [-n N] [--warmup W] [--parallel P] [--command CMD]"
                    + " [--on-held CMD] [--timeout SECONDS]");
            System.exit(2);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        Options options;
        try {
            options = Options.parse(rest);
        } catch (IllegalArgumentException e) {
            System.err.println("mezite-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        int status = args[0].equals("connect") ? new ConnectBenchmark(options).run()
                : new HoldBenchmark(options).run();
        System.exit(status);
    }
}
