package org.mezite.agent.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.BundleException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * Runs the agent in the foreground until SIGTERM or SIGINT, then stops every bundle and exits 0, so that a service
 * manager sees a clean stop. Any other way the JVM ends (SIGHUP, ...) still stops the bundles through a shutdown hook.
 */
@Command(name = "start", description = "Run the agent in the foreground until SIGTERM or Ctrl-C.")
final class StartCommand implements Callable<Integer> {

    /** How long bundles get to stop before mezd gives up on them. */
    static final Duration STOP_BOUND = Duration.ofSeconds(30);

    private final Path home;
    private final AtomicBoolean stopReported = new AtomicBoolean();

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The agent configuration file.")
    private Path configFile;

    /** @param home the mezd installation, holding {@code bundles/} */
    StartCommand(Path home) {
        this.home = home;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AgentConfig config;
        try {
            config = AgentConfigParser.parse(configFile);
            Files.createDirectories(config.dataDir());
        } catch (ConfigException e) {
            err.println("mezd: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("mezd: cannot create data_dir " + describe(e));
            return 1;
        }

        out.println("mezd: starting agent " + config.nodeName() + " (data dir " + config.dataDir() + ")");
        AgentRuntime runtime = new AgentRuntime(home.resolve("bundles"), config, out);
        Thread shutdownHook = new Thread(() -> stopOnExit(runtime, out), "mezd-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            return run(runtime, out, err);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is exiting and the hook is running or has run
            }
        }
    }

    private int run(AgentRuntime runtime, PrintWriter out, PrintWriter err) throws InterruptedException {
        List<String> notActive;
        try {
            notActive = runtime.start();
        } catch (IOException | BundleException e) {
            err.println("mezd: cannot start the agent runtime: " + e.getMessage());
            runtime.requestStop();
            runtime.awaitStop(STOP_BOUND);
            return 1;
        }
        int total = runtime.bundleCount();
        if (!notActive.isEmpty()) {
            out.printf("mezd: %d/%d bundles active; not active:%n", total - notActive.size(), total);
            notActive.forEach(problem -> out.println("mezd:   " + problem));
            runtime.requestStop();
            runtime.awaitStop(STOP_BOUND);
            reportStopped(runtime, out);
            return 1;
        }
        // A shutdown hook alone would stop the bundles too, but the JVM then exits 143 on SIGTERM; handling the signal
        // lets main() return and exit 0. (Until here, the hook covers a signal that comes while bundles start.) The
        // handlers go in before the "active" line, which supervisors and tests wait for before they may signal.
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> stopOnSignal(runtime, out, "SIG" + name));
        }
        out.printf(Locale.ROOT, "mezd: %d/%d bundles active, %.2f s after JVM start (Felix %s)%n", total, total,
                sinceJvmStart().toMillis() / 1000.0, runtime.frameworkVersion());
        runtime.awaitStop(Duration.ZERO);
        reportStopped(runtime, out);
        return runtime.failure().isPresent() ? 1 : 0;
    }

    private void stopOnSignal(AgentRuntime runtime, PrintWriter out, String signal) {
        out.println("mezd: " + signal + " received, stopping");
        runtime.requestStop();
        try {
            if (!runtime.awaitStop(STOP_BOUND)) {
                out.println("mezd: bundles still stopping after " + STOP_BOUND.toSeconds() + " s, exiting anyway");
                out.flush();
                Runtime.getRuntime().halt(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopOnExit(AgentRuntime runtime, PrintWriter out) {
        if (!runtime.isRunning()) {
            return;
        }
        runtime.requestStop();
        try {
            if (runtime.awaitStop(STOP_BOUND)) {
                reportStopped(runtime, out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reportStopped(AgentRuntime runtime, PrintWriter out) {
        if (stopReported.compareAndSet(false, true)) {
            out.println(runtime.failure().isEmpty() ? "mezd: stopped"
                    : "mezd: stopped: " + runtime.failure().get());
            out.flush();
        }
    }

    /** {@code /var/lib/mezd: permission denied}: Java's own messages for these say only the path. */
    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + ": exists and is not a folder";
        }
        if (e instanceof FileSystemException failed && failed.getReason() != null) {
            return failed.getFile() + ": " + failed.getReason();
        }
        return e.getMessage();
    }

    /** From the JVM's own start time: the process start time that the OS reports is only precise to a second. */
    private static Duration sinceJvmStart() {
        return Duration.ofMillis(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }
}
