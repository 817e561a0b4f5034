package org.mezite.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which nodes a command is for, by their labels: {@code env=prod,team=db} (or the same as separate words) matches the
 * nodes whose labels have all of these values.
 */
final class LabelSelector {

    /** Keys and values travel as words of the proxy's {@code ls} command, so they hold no blanks or quotes. */
    private static final Pattern WORD = Pattern.compile("[^\\s=,'\"\\\\]+");

    private final Map<String, String> labels;

    private LabelSelector(Map<String, String> labels) {
        this.labels = Collections.unmodifiableMap(labels);
    }

    static final LabelSelector ALL = new LabelSelector(new LinkedHashMap<>());

    /** Whether a node name or a login target is meant as a selector. */
    static boolean isSelector(String text) {
        return text.indexOf('=') >= 0;
    }

    /**
     * @param words each {@code key=value}, or several joined by commas
     * @throws MshException (usage) naming the part that is not {@code key=value}
     */
    static LabelSelector parse(List<String> words) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String word : words) {
            for (String part : word.split(",", -1)) {
                int equals = part.indexOf('=');
                String key = equals < 0 ? part : part.substring(0, equals);
                String value = equals < 0 ? "" : part.substring(equals + 1);
                if (equals < 0 || !WORD.matcher(key).matches() || !WORD.matcher(value).matches()) {
                    throw MshException.usage("label selector \"" + word + "\": expected KEY=VALUE[,KEY=VALUE...]"
                            + " (no blanks, quotes or empty parts)");
                }
                String earlier = labels.putIfAbsent(key, value);
                if (earlier != null && !earlier.equals(value)) {
                    throw MshException.usage("label selector \"" + word + "\": \"" + key + "\" cannot be both \""
                            + earlier + "\" and \"" + value + "\"");
                }
            }
        }
        return new LabelSelector(labels);
    }

    static LabelSelector parse(String text) {
        return parse(List.of(text));
    }

    boolean matches(Map<String, String> nodeLabels) {
        return labels.entrySet().stream().allMatch(label -> label.getValue().equals(nodeLabels.get(label.getKey())));
    }

    Map<String, String> labels() {
        return labels;
    }

    /** The proxy's command that lists matching nodes: {@code ls} and each {@code key=value}. */
    String lsCommand() {
        StringBuilder command = new StringBuilder("ls");
        labels.forEach((key, value) -> command.append(' ').append(key).append('=').append(value));
        return command.toString();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        labels.forEach((key, value) -> text.append(text.length() == 0 ? "" : ",").append(key).append('=')
                .append(value));
        return text.toString();
    }
}
