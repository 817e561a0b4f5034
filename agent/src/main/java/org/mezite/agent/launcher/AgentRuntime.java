package org.mezite.agent.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

/**
 * The embedded Felix framework that runs the agent's bundles: every jar in {@code bundles/}, installed afresh at each
 * start (so that an upgrade is a matter of replacing that folder while mezd is stopped), with the framework cache under
 * the data dir. Bundles are installed by reference, read where they lie rather than copied into the cache.
 */
final class AgentRuntime {

    /** The logging bundle starts first, so that the others' early messages already go through it. */
    private static final String LOGGING_BUNDLE = "org.ops4j.pax.logging.pax-logging-api";

    private final Path bundlesDir;
    private final AgentConfig config;
    private final PrintWriter out;
    /** Service property under which the agent finds {@link #stopWithError(String)}; see the agent's {@code Agent}. */
    static final String EXIT_HOOK = "mezite.agent.exit";

    /** Set once the framework exists; read by signal handlers and the shutdown hook. */
    private volatile Framework framework;
    /** Why the agent asked mezd to stop, if it did. */
    private volatile String failure;

    AgentRuntime(Path bundlesDir, AgentConfig config, PrintWriter out) {
        this.bundlesDir = bundlesDir;
        this.config = config;
        this.out = out;
    }

    /**
     * Starts the framework and every bundle.
     *
     * @return the bundles that are not active, each with the reason; empty when all are
     */
    List<String> start() throws IOException, BundleException {
        List<Path> jars = bundleJars();
        Map<String, String> properties = new HashMap<>(config.frameworkProperties());
        properties.put(Constants.FRAMEWORK_STORAGE, config.dataDir().resolve("framework").toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // Netty (inside org.mezite.proto) runs faster with these; they are not exported by default.
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "sun.misc,sun.nio.ch");
        properties.put("felix.log.level", "1");
        properties.put("org.ops4j.pax.logging.DefaultServiceLog.level", "INFO");
        Framework framework = new FrameworkFactory().newFramework(properties);
        this.framework = framework;
        framework.start();

        BundleContext context = framework.getBundleContext();
        // java.util.function is visible to every bundle, so the agent needs no launcher package to reach this
        Consumer<String> exitHook = this::stopWithError;
        context.registerService(Consumer.class, exitHook, new Hashtable<>(Map.of(EXIT_HOOK, "true")));
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            bundles.add(context.installBundle("reference:" + jar.toUri()));
        }
        bundles.sort(Comparator.comparing((Bundle b) -> !LOGGING_BUNDLE.equals(b.getSymbolicName())));
        return startAll(bundles);
    }

    private static List<String> startAll(List<Bundle> bundles) {
        Map<Bundle, String> failures = new LinkedHashMap<>();
        for (Bundle bundle : bundles) {
            if (!isFragment(bundle)) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    failures.put(bundle, e.getMessage());
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : bundles) {
            int expected = isFragment(bundle) ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                String why = failures.get(bundle);
                problems.add(bundle.getSymbolicName() + " " + stateName(bundle.getState())
                        + (why == null ? "" : ": " + why));
            }
        }
        return problems;
    }

    /**
     * The agent's way out when it cannot go on (its join token was refused, the hub is not the pinned one): mezd
     * stops and exits with an error status, so that a service manager sees the failure.
     */
    void stopWithError(String reason) {
        failure = reason;
        requestStop();
    }

    /** Why the agent stopped mezd, or empty when it did not. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** How many bundles the runtime holds, not counting the framework itself. */
    int bundleCount() {
        return framework.getBundleContext().getBundles().length - 1;
    }

    String frameworkVersion() {
        return framework.getVersion().toString();
    }

    /** Asks the framework to stop, if there is one; returns at once. */
    void requestStop() {
        Framework framework = this.framework;
        if (framework == null) {
            return;
        }
        try {
            framework.stop();
        } catch (BundleException e) {
            out.println("mezd: cannot stop the framework: " + e.getMessage());
        }
    }

    /** True while bundles may still be running. */
    boolean isRunning() {
        Framework framework = this.framework;
        return framework != null && (framework.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0;
    }

    /**
     * Waits until the framework has stopped, however it was asked to.
     *
     * @param bound how long to wait, zero for as long as it takes
     * @return false when it was still stopping after {@code bound}
     */
    boolean awaitStop(Duration bound) throws InterruptedException {
        Framework framework = this.framework;
        return framework == null || framework.waitForStop(bound.toMillis()).getType() != FrameworkEvent.WAIT_TIMEDOUT;
    }

    private List<Path> bundleJars() throws IOException {
        if (!Files.isDirectory(bundlesDir)) {
            throw new IOException("no bundles folder at " + bundlesDir + " (is mezd installed completely?)");
        }
        try (Stream<Path> files = Files.list(bundlesDir)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IOException("no bundles in " + bundlesDir + " (is mezd installed completely?)");
            }
            return jars;
        }
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
