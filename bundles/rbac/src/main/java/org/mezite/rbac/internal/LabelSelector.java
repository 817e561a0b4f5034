package org.mezite.rbac.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A role's {@code node_labels}: every key must be present on the node with a value one of that key's entries accepts
 * (keys ANDed, values ORed). The key {@code *} with the value {@code *} matches every node, labelled or not. An empty
 * selector matches no node.
 */
final class LabelSelector {

    static final LabelSelector NONE = new LabelSelector(new String[0], new ValueMatcher[0], new String[0]);

    /** The label keys, cheapest to check first; {@code null} for the wildcard key {@code *}. */
    private final String[] keys;
    private final ValueMatcher[] values;
    /** The keys in the order the role writes them, for reasons. */
    private final String[] writtenKeys;

    private LabelSelector(String[] keys, ValueMatcher[] values, String[] writtenKeys) {
        this.keys = keys;
        this.values = values;
        this.writtenKeys = writtenKeys;
    }

    /**
     * A selector of these terms ({@code null} key: {@code '*': '*'}). Keys are ANDed, so their order does not change
     * the result; the cheap ones (literals) are checked first, so that a node they exclude costs no regular
     * expression.
     */
    static LabelSelector of(List<String> keys, List<ValueMatcher> values) {
        Integer[] order = new Integer[keys.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> values.get(i).cost()));
        String[] sortedKeys = new String[order.length];
        ValueMatcher[] sortedValues = new ValueMatcher[order.length];
        for (int i = 0; i < order.length; i++) {
            sortedKeys[i] = keys.get(order[i]);
            sortedValues[i] = values.get(order[i]);
        }
        return new LabelSelector(sortedKeys, sortedValues, keys.toArray(new String[0]));
    }

    boolean isEmpty() {
        return keys.length == 0;
    }

    boolean matches(Map<String, String> labels, Map<String, List<String>> traits) {
        if (keys.length == 0) {
            return false;
        }
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i];
            if (key == null) {
                continue; // '*': '*'
            }
            String value = labels.get(key);
            if (value == null || !values[i].matches(value, traits)) {
                return false;
            }
        }
        return true;
    }

    /** Appends the labels of a matching node that made it match, for reasons: {@code env=dev, team=core}. */
    void describeMatch(Map<String, String> labels, StringBuilder out) {
        for (int i = 0; i < writtenKeys.length; i++) {
            String key = writtenKeys[i];
            if (i > 0) {
                out.append(", ");
            }
            out.append(key == null ? "*" : key).append('=').append(key == null ? "*" : labels.get(key));
        }
    }
}
