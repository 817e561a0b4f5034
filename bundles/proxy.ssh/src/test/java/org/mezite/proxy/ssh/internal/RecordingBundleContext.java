package org.mezite.proxy.ssh.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;

/**
 * The little of a {@link BundleContext} the component uses: the bundle's version, framework properties and service
 * registrations, which it records so that tests see what is published and when it goes away.
 */
final class RecordingBundleContext {

    record Registration(Class<?> type, Object service, Map<String, Object> properties) {
    }

    private final List<Registration> live = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> properties = new HashMap<>();
    private final BundleContext context;

    RecordingBundleContext(String bundleVersion) {
        Bundle bundle = proxy(Bundle.class, (method, args) -> switch (method) {
            case "getVersion" -> Version.parseVersion(bundleVersion);
            case "getSymbolicName" -> "org.mezite.proxy.ssh";
            default -> throw new UnsupportedOperationException("Bundle." + method);
        });
        context = proxy(BundleContext.class, (method, args) -> switch (method) {
            case "getBundle" -> bundle;
            case "getProperty" -> properties.get((String) args[0]);
            case "registerService" -> register((Class<?>) args[0], args[1], (Dictionary<?, ?>) args[2]);
            default -> throw new UnsupportedOperationException("BundleContext." + method);
        });
    }

    BundleContext context() {
        return context;
    }

    RecordingBundleContext property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    List<Registration> live() {
        synchronized (live) {
            return List.copyOf(live);
        }
    }

    private ServiceRegistration<?> register(Class<?> type, Object service, Dictionary<?, ?> dictionary) {
        Map<String, Object> props = new HashMap<>();
        for (Object key : Collections.list(dictionary.keys())) {
            props.put((String) key, dictionary.get(key));
        }
        Registration registration = new Registration(type, service, props);
        live.add(registration);
        return proxy(ServiceRegistration.class, (method, args) -> switch (method) {
            case "unregister" -> {
                if (!live.remove(registration)) {
                    throw new IllegalStateException("already unregistered");
                }
                yield null;
            }
            default -> throw new UnsupportedOperationException("ServiceRegistration." + method);
        });
    }

    private interface Handler {
        Object handle(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + " (test)";
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> handler.handle(method.getName(), args);
                }));
    }
}
