package org.mezite.admin.remote.internal;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mezite.api.access.Caller;

/**
 * The admin services of the Auth hub, as a test wants them to answer: for each interface the test names, an
 * implementation whose methods answer what the test says and record who called with what.
 */
final class FakeAdmins {

    /** One call that reached an admin service. */
    record Call(Caller caller, String method, List<Object> arguments) {
    }

    /** What a method does with the arguments after the caller. */
    @FunctionalInterface
    interface Answer {
        Object answer(List<Object> arguments);
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, Map<String, Answer>> answers = new ConcurrentHashMap<>();

    /** Makes {@code api.method} answer so; {@code api} then runs on the Auth hub. */
    FakeAdmins answer(Class<?> api, String method, Answer answer) {
        answers.computeIfAbsent(api, a -> new ConcurrentHashMap<>()).put(method, answer);
        return this;
    }

    /** The running implementation of {@code api}, if the test made one. */
    Optional<Object> find(Class<?> api) {
        Map<String, Answer> methods = answers.get(api);
        if (methods == null) {
            return Optional.empty();
        }
        return Optional.of(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (self, method, args) -> {
            List<Object> rest = Arrays.asList(args).subList(1, args.length);
            calls.add(new Call((Caller) args[0], api.getSimpleName() + "." + method.getName(), rest));
            Answer answer = methods.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(api.getSimpleName() + "." + method.getName());
            }
            return answer.answer(rest);
        }));
    }
}
