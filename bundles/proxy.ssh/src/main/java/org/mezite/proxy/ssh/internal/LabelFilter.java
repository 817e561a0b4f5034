package org.mezite.proxy.ssh.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * The label filters of {@code ls}: {@code KEY=VALUE} words, all of which a node's labels must carry.
 *
 * @param required the labels a node must have, with these values
 */
record LabelFilter(Map<String, String> required) {

    LabelFilter {
        required = Map.copyOf(required);
    }

    /** @throws IllegalArgumentException naming the word that is no filter */
    static LabelFilter parse(Iterable<String> words) {
        Map<String, String> required = new TreeMap<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("ls: \"" + word + "\" is not a label filter KEY=VALUE");
            }
            required.put(word.substring(0, equals), word.substring(equals + 1));
        }
        return new LabelFilter(required);
    }

    boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> entry : required.entrySet()) {
            if (!entry.getValue().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
