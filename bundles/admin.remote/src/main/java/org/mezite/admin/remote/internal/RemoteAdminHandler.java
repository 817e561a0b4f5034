package org.mezite.admin.remote.internal;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.mezite.api.access.Caller;
import org.mezite.proto.auth.v1.AdminCall;

/**
 * One admin interface ({@code UserAdmin}, ...) whose every method is an {@code AdminService.Call} to the Auth server.
 * The {@link Caller} argument stays here: who calls is the user of the client certificate, whose roles the admin
 * services on the Auth hub check, whatever this hub's console would claim.
 */
final class RemoteAdminHandler implements InvocationHandler {

    private final Class<?> api;
    private final AuthConnection auth;
    private final AdminJson json = new AdminJson();

    private RemoteAdminHandler(Class<?> api, AuthConnection auth) {
        this.api = api;
        this.auth = auth;
    }

    /** An implementation of {@code api} that calls the Auth server. */
    static <T> T proxy(Class<T> api, AuthConnection auth) {
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
                new RemoteAdminHandler(api, auth)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws IOException {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> api.getSimpleName() + " of the Auth server (remote)";
            };
        }
        if (method.getParameterCount() == 0 || method.getParameterTypes()[0] != Caller.class) {
            throw new UnsupportedOperationException(api.getSimpleName() + "." + method.getName()
                    + " takes no Caller and is not part of the remote admin API");
        }
        String arguments = json.arguments(method, args);
        String result = auth.call(AdminCall.newBuilder().setService(api.getSimpleName()).setMethod(method.getName())
                .setArgumentsJson(arguments).build()).getResultJson();
        try {
            return json.result(method, result);
        } catch (IOException e) {
            throw new IllegalStateException("the Auth server answered " + api.getSimpleName() + "."
                    + method.getName() + " with what this hub cannot read (a different version?): " + e.getMessage(),
                    e);
        }
    }
}
