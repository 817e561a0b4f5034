package org.mezite.api.recording;

import java.util.Locale;

/** How the cluster records sessions ({@code recording_mode} in {@code etc/org.mezite.recording.cfg}). */
public enum RecordingMode {
    /** Sessions are not recorded. */
    OFF("off"),
    /** The agent spools a recording to its disk and uploads it after the session ends. */
    NODE("node"),
    /** The agent streams a recording to Auth as the session runs, spooling it on disk as well. */
    NODE_SYNC("node-sync");

    private final String text;

    RecordingMode(String text) {
        this.text = text;
    }

    /** The name used in configuration and on the wire: {@code off}, {@code node}, {@code node-sync}. */
    public String text() {
        return text;
    }

    /**
     * The mode named {@code text}.
     *
     * @throws IllegalArgumentException naming the value and the modes there are
     */
    public static RecordingMode parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (RecordingMode mode : values()) {
            if (mode.text.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("recording_mode \"" + text + "\" is not one of off, node, node-sync");
    }
}
