package org.mezite.shell.internal;

import java.util.Arrays;
import java.util.List;

/** {@code a,b, c} options as a list without blanks. */
final class CommaList {

    private CommaList() {
    }

    static List<String> parse(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
