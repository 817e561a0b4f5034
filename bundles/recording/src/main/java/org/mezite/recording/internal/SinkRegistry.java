package org.mezite.recording.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.mezite.api.recording.RecordingSink;
import org.osgi.framework.Constants;

/**
 * The recording sinks registered as services, keyed by {@code service.id}, found by their
 * {@value RecordingSink#NAME} property. Two sinks of one name (a vendor's replacing ours): the one of the highest
 * {@code service.ranking}, then the oldest, as OSGi ranks services.
 */
final class SinkRegistry {

    private record Registered(String name, RecordingSink sink, int ranking, long id) {
    }

    private static final Comparator<Registered> BEST_FIRST = Comparator.comparingInt(Registered::ranking).reversed()
            .thenComparingLong(Registered::id);

    private final Map<Long, Registered> sinks = new ConcurrentHashMap<>();

    /** Adds a sink; returns its name, or {@code null} when it has none (and is ignored). */
    String add(RecordingSink sink, Map<String, Object> properties) {
        Object name = properties.get(RecordingSink.NAME);
        if (name == null || name.toString().isBlank()) {
            return null;
        }
        sinks.put(id(properties), new Registered(name.toString().trim(), sink, ranking(properties), id(properties)));
        return name.toString().trim();
    }

    /** Removes a sink; returns its name, or {@code null} when it was not added. */
    String remove(Map<String, Object> properties) {
        Registered removed = sinks.remove(id(properties));
        return removed == null ? null : removed.name();
    }

    Optional<RecordingSink> named(String name) {
        return sinks.values().stream().filter(s -> s.name().equals(name)).min(BEST_FIRST).map(Registered::sink);
    }

    private static long id(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_ID) instanceof Number n ? n.longValue() : -1;
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
    }
}
