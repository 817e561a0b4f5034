package org.mezite.auth.internal.grpc;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mezite.api.access.Caller;
import org.mezite.api.admin.CaAdmin;
import org.mezite.api.admin.LockAdmin;
import org.mezite.api.admin.NodeAdmin;
import org.mezite.api.admin.RoleAdmin;
import org.mezite.api.admin.SessionAdmin;
import org.mezite.api.admin.TokenAdmin;
import org.mezite.api.admin.UserAdmin;

/**
 * What {@code AdminService.Call} may reach: the methods of the seven interfaces of {@code org.mezite.api.admin} that
 * take a {@link Caller} first, by the interface's simple name and the method's name. Nothing else is callable.
 */
final class AdminMethods {

    /** The interfaces, by simple name. */
    static final Map<String, Class<?>> SERVICES = List.of(UserAdmin.class, RoleAdmin.class, TokenAdmin.class,
            NodeAdmin.class, SessionAdmin.class, LockAdmin.class, CaAdmin.class).stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private AdminMethods() {
    }

    /**
     * The method {@code service.method}.
     *
     * @throws IllegalArgumentException naming the service or method that is not one of the admin API
     */
    static Method find(String service, String method) {
        Class<?> api = SERVICES.get(service);
        if (api == null) {
            throw new IllegalArgumentException("service: \"" + service + "\" is not one of "
                    + SERVICES.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        List<Method> named = Arrays.stream(api.getMethods())
                .filter(m -> m.getName().equals(method) && m.getParameterCount() > 0
                        && m.getParameterTypes()[0] == Caller.class)
                .toList();
        if (named.size() != 1) {
            throw new IllegalArgumentException("method: \"" + method + "\" is not a method of " + service + " ("
                    + Arrays.stream(api.getMethods()).map(Method::getName).distinct().sorted()
                            .collect(Collectors.joining(", ")) + ")");
        }
        return named.get(0);
    }
}
