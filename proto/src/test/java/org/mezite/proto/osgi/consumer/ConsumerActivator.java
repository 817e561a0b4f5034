package org.mezite.proto.osgi.consumer;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.Callable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Offers {@link GrpcRoundTrip} to the test as a plain {@code Callable}, a type both sides share. */
public final class ConsumerActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        context.registerService(Callable.class, new GrpcRoundTrip(), new Hashtable<>(Map.of("test", "grpc")));
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
