package org.mezite.tunnel.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The little of a {@link BundleContext} the tunnel server uses: service registrations, recorded for the test. */
final class RecordingBundleContext {

    /** A service registered through the context, live until unregistered. */
    record Registration(Class<?> type, Object service, Map<String, Object> properties) {
    }

    private final List<Registration> live = Collections.synchronizedList(new ArrayList<>());
    private final BundleContext context = proxy(BundleContext.class, (method, args) -> switch (method) {
        case "registerService" -> register((Class<?>) args[0], args[1], (Dictionary<?, ?>) args[2]);
        default -> throw new UnsupportedOperationException("BundleContext." + method);
    });

    BundleContext context() {
        return context;
    }

    /** What is registered right now. */
    List<Registration> live() {
        synchronized (live) {
            return List.copyOf(live);
        }
    }

    /** The one live service of this type. */
    <T> T service(Class<T> type) {
        return live().stream().filter(r -> r.type() == type).map(r -> type.cast(r.service())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " registered"));
    }

    private ServiceRegistration<?> register(Class<?> type, Object service, Dictionary<?, ?> dictionary) {
        Map<String, Object> properties = new HashMap<>();
        if (dictionary != null) {
            for (Object key : Collections.list(dictionary.keys())) {
                properties.put((String) key, dictionary.get(key));
            }
        }
        Registration registration = new Registration(type, service, properties);
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
