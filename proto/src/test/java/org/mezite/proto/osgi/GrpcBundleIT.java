package org.mezite.proto.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.proto.osgi.consumer.ConsumerActivator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;

/**
 * The built org.mezite.proto bundle in a real Felix framework, used by a consumer bundle whose imports bnd computes
 * from the proto bundle's exports, exactly as for Mezite's own bundles.
 */
class GrpcBundleIT {

    @TempDir
    Path tmp;

    private Framework framework;

    @BeforeEach
    void startFramework() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "sun.misc,sun.nio.ch");
        framework = new FrameworkFactory().newFramework(config);
        framework.start();
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(30_000);
    }

    @Test
    void consumerBundleServesAndCallsGrpcThroughTheExportedPackages() throws Exception {
        BundleContext context = framework.getBundleContext();
        Bundle proto = context.installBundle(protoBundle().toUri().toString());
        Bundle consumer = context.installBundle(consumerBundle().toUri().toString());
        proto.start();
        consumer.start();

        assertThat(proto.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(consumer.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(providerOf(consumer, "io.grpc")).isEqualTo("org.mezite.proto 1.85.1");
        assertThat(providerOf(consumer, "io.grpc.netty.shaded.io.grpc.netty")).isEqualTo("org.mezite.proto 1.85.1");
        assertThat(providerOf(consumer, "org.mezite.proto.auth.v1")).isEqualTo("org.mezite.proto 1.0.0");

        ServiceReference<?> ref = context.getServiceReferences(Callable.class.getName(), "(test=grpc)")[0];
        @SuppressWarnings("unchecked")
        Map<String, String> results = ((Callable<Map<String, String>>) context.getService(ref)).call();

        assertThat(results)
                .containsEntry("server.provider", "io.grpc.netty.shaded.io.grpc.netty.NettyServerProvider")
                .containsEntry("lb.round_robin", "true")
                .containsEntry("registry.cluster", "osgi-it")
                .containsEntry("registry.health", "SERVING")
                .containsEntry("forAddress.cluster", "osgi-it")
                .containsEntry("forAddress.health", "SERVING");
    }

    private static String providerOf(Bundle consumer, String pkg) {
        for (BundleWire wire : consumer.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package")) {
            if (pkg.equals(wire.getCapability().getAttributes().get("osgi.wiring.package"))) {
                return wire.getProvider().getSymbolicName() + " "
                        + wire.getCapability().getAttributes().get("version");
            }
        }
        return "(not imported)";
    }

    private static Path protoBundle() {
        Path jar = Path.of(System.getProperty("proto.bundle", "target/org.mezite.proto.jar"));
        assertThat(jar).as("the packaged bundle; run through `mvn verify`").exists();
        return jar;
    }

    /** Builds the consumer bundle from this module's test classes, with bnd computing its Import-Package. */
    private Path consumerBundle() throws Exception {
        Path out = tmp.resolve("consumer.jar");
        try (Builder builder = new Builder()) {
            builder.setProperty(Constants.BUNDLE_SYMBOLICNAME, "org.mezite.proto.osgi.consumer");
            builder.setProperty(Constants.BUNDLE_VERSION, "1.0.0");
            builder.setProperty(Constants.BUNDLE_ACTIVATOR, ConsumerActivator.class.getName());
            builder.setProperty("Private-Package", ConsumerActivator.class.getPackageName());
            builder.setProperty("-noimportjava", "true");
            builder.addClasspath(new File(System.getProperty("test.classes", "target/test-classes")));
            builder.addClasspath(protoBundle().toFile());
            builder.addClasspath(codeSource(Framework.class));
            try (Jar jar = builder.build()) {
                assertThat(builder.getErrors()).isEmpty();
                jar.write(out.toFile());
            }
        }
        return out;
    }

    private static File codeSource(Class<?> type) throws Exception {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
