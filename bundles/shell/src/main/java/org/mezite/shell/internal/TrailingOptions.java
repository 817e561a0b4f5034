package org.mezite.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Karaf stops reading options at the first argument; people type {@code mezite:user-add alice --roles access} all the
 * same (that is how tctl and the docs write it). This reads such trailing {@code --name value} or {@code --name=value}
 * words, so both orders work.
 */
final class TrailingOptions {

    private TrailingOptions() {
    }

    /**
     * @param words   what followed the last positional argument
     * @param allowed the option names this command takes, with their dashes
     * @return option name to value
     * @throws IllegalArgumentException for an unknown option, a missing value or a stray word
     */
    static Map<String, String> parse(List<String> words, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        if (words == null) {
            return values;
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(word.startsWith("-")
                        ? "unknown option " + name + "; options: " + String.join(", ", allowed)
                        : "unexpected argument \"" + word + "\"");
            }
            if (word.contains("=")) {
                values.put(name, word.substring(word.indexOf('=') + 1));
            } else if (i + 1 < words.size()) {
                values.put(name, words.get(++i));
            } else {
                throw new IllegalArgumentException("missing value for option " + name);
            }
        }
        return values;
    }
}
