package org.mezite.admin.remote.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The little of a {@link BundleContext} the component uses: registering services, which it records. */
final class RecordingBundleContext {

    /** A service registered through the context, live until unregistered. */
    record Registration(Class<?> type, Object service, Map<String, Object> properties) {
    }

    private final List<Registration> live = Collections.synchronizedList(new ArrayList<>());
    private final BundleContext context = proxy(BundleContext.class, (method, args) -> {
        if (method.equals("registerService") && args[0] instanceof Class<?> type) {
            return register(type, args[1], (Dictionary<?, ?>) args[2]);
        }
        throw new UnsupportedOperationException("BundleContext." + method);
    });

    BundleContext context() {
        return context;
    }

    List<Registration> live() {
        synchronized (live) {
            return List.copyOf(live);
        }
    }

    /** The one live service of this type. */
    <T> T service(Class<T> type) {
        return live().stream().filter(r -> r.type() == type).map(r -> type.cast(r.service())).reduce((a, b) -> {
            throw new IllegalStateException("two " + type.getSimpleName());
        }).orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName()));
    }

    private ServiceRegistration<?> register(Class<?> type, Object service, Dictionary<?, ?> dictionary) {
        Map<String, Object> properties = new HashMap<>();
        for (Object key : Collections.list(dictionary.keys())) {
            properties.put((String) key, dictionary.get(key));
        }
        Registration registration = new Registration(type, service, properties);
        live.add(registration);
        return proxy(ServiceRegistration.class, (method, args) -> {
            if (method.equals("unregister")) {
                if (!live.remove(registration)) {
                    throw new IllegalStateException("already unregistered");
                }
                return null;
            }
            throw new UnsupportedOperationException("ServiceRegistration." + method);
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
