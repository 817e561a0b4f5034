package org.mezite.audit.listener.webhook.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that keeps every message, formatted as it would be written, with its level. */
final class RecordingLogger {

    record Line(String level, String message) {
    }

    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error");

    private final List<Line> lines = new ArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (self, method, args) -> {
                String name = method.getName();
                if (LEVELS.contains(name)) {
                    record(name, args);
                    return null;
                }
                if (name.startsWith("is") && name.endsWith("Enabled")) {
                    return true;
                }
                if (name.equals("getName")) {
                    return "test";
                }
                if (name.equals("toString")) {
                    return "RecordingLogger";
                }
                return null;
            });

    Logger logger() {
        return logger;
    }

    synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    synchronized List<String> messages(String level) {
        return lines.stream().filter(line -> line.level().equals(level)).map(Line::message).toList();
    }

    private synchronized void record(String level, Object[] args) {
        List<Object> values = new ArrayList<>(Arrays.asList(args));
        if (!values.isEmpty() && values.get(0) instanceof Marker) {
            values.remove(0);
        }
        String format = String.valueOf(values.remove(0));
        Object[] parameters = values.size() == 1 && values.get(0) instanceof Object[] array ? array
                : values.toArray();
        lines.add(new Line(level, MessageFormatter.arrayFormat(format, parameters).getMessage()));
    }
}
