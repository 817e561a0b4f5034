package org.mezite.client;

/**
 * Turns what a terminal was sent into plain text, for {@code msh play --format text}: escape sequences are removed
 * (CSI such as colours and cursor moves, OSC such as window titles, the string controls DCS, SOS, PM and APC, and the
 * short {@code ESC x} ones, in their 7-bit and 8-bit forms), as are control characters other than tab, newline,
 * carriage return and backspace, and {@code \r\n} becomes {@code \n}. It keeps its state from one piece of output to
 * the next, since a sequence may be split across two events.
 */
final class TerminalText {

    private enum State {
        TEXT,
        /** After ESC. */
        ESCAPE,
        /** After ESC and intermediate bytes (0x20-0x2f), until a final byte. */
        ESCAPE_INTERMEDIATE,
        /** In a control sequence, until its final byte (0x40-0x7e). */
        CSI,
        /** In a string (OSC, DCS, SOS, PM, APC), until BEL or ST. */
        STRING,
        /** ESC inside a string: ST if a backslash follows. */
        STRING_ESCAPE
    }

    private static final char ESC = 0x1b;
    private static final char BEL = 0x07;

    private State state = State.TEXT;
    private boolean carriageReturn;

    /** The text of this piece of output; a trailing {@code \r} is held back until the next piece says what follows. */
    String strip(String output) {
        StringBuilder text = new StringBuilder(output.length());
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            switch (state) {
                case TEXT -> text(c, text);
                case ESCAPE -> escape(c);
                case ESCAPE_INTERMEDIATE -> {
                    if (c >= 0x30 && c <= 0x7e) {
                        state = State.TEXT;
                    } else if (c == ESC) {
                        state = State.ESCAPE;
                    }
                }
                case CSI -> {
                    if (c >= 0x40 && c <= 0x7e) {
                        state = State.TEXT;
                    } else if (c == ESC) {
                        state = State.ESCAPE;
                    }
                }
                case STRING -> {
                    if (c == BEL || c == 0x9c) {
                        state = State.TEXT;
                    } else if (c == ESC) {
                        state = State.STRING_ESCAPE;
                    }
                }
                case STRING_ESCAPE -> {
                    // ESC \ ends the string; any other ESC starts a new sequence (the string was cut short)
                    if (c == '\\') {
                        state = State.TEXT;
                    } else {
                        escape(c);
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return text.toString();
    }

    /** What was held back at the end of the output. */
    String finish() {
        String rest = carriageReturn ? "\r" : "";
        carriageReturn = false;
        state = State.TEXT;
        return rest;
    }

    private void text(char c, StringBuilder text) {
        if (carriageReturn) {
            carriageReturn = false;
            if (c == '\n') {
                text.append('\n');
                return;
            }
            text.append('\r');
        }
        if (c == ESC) {
            state = State.ESCAPE;
        } else if (c == 0x9b) {
            state = State.CSI;
        } else if (c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f) {
            state = State.STRING;
        } else if (c == '\r') {
            carriageReturn = true;
        } else if (c == '\n' || c == '\t' || c == '\b' || !Character.isISOControl(c)) {
            text.append(c);
        }
    }

    private void escape(char c) {
        if (c == '[') {
            state = State.CSI;
        } else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
            state = State.STRING;
        } else if (c >= 0x20 && c <= 0x2f) {
            state = State.ESCAPE_INTERMEDIATE;
        } else if (c == ESC) {
            state = State.ESCAPE;
        } else {
            // a two-character sequence (ESC 7, ESC =, ESC M, ...), or ESC before a control: dropped either way
            state = State.TEXT;
        }
    }
}
