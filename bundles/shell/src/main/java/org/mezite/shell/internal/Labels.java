package org.mezite.shell.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code env=dev,team=a} label lists. */
final class Labels {

    private Labels() {
    }

    static Map<String, String> parse(String option, String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : CommaList.parse(text)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(option + ": \"" + pair + "\" is not KEY=VALUE");
            }
            labels.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return labels;
    }

    static String format(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
