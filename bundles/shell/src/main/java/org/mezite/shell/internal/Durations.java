package org.mezite.shell.internal;

import java.time.Duration;

/** Duration options of console commands, read by {@link org.mezite.api.hub.Durations} and named in errors. */
final class Durations {

    private Durations() {
    }

    static Duration parse(String option, String text) {
        try {
            return org.mezite.api.hub.Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
