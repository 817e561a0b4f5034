package org.mezite.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Plays an asciicast recording as {@code msh play} does, in one of three forms:
 * <ul>
 * <li>{@code pty}: what the terminal was sent, with its timing ({@code --speed} times faster; with
 * {@code --skip-idle}, a pause longer than a second lasts a second), for a terminal to show;</li>
 * <li>{@code json}: the recording's lines (header and events) as they are, at once;</li>
 * <li>{@code text}: what the terminal was sent without its escape sequences ({@link TerminalText}), at once.</li>
 * </ul>
 * Events are played as they are read, so a recording streaming from the hub starts playing with its first bytes.
 */
final class RecordingPlayer {

    /** How {@code msh play} shows a recording. */
    enum Format {
        PTY, JSON, TEXT;

        /** @throws MshException (usage) naming the formats there are */
        static Format parse(String text) {
            for (Format format : values()) {
                if (format.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return format;
                }
            }
            throw MshException.usage("--format " + text + ": expected pty, json or text");
        }
    }

    /**
     * @param speed    how many times faster than recorded, from {@link #MIN_SPEED} to {@link #MAX_SPEED}
     * @param skipIdle whether pauses longer than {@link #IDLE_LIMIT_NANOS} are cut to it
     */
    record Options(Format format, double speed, boolean skipIdle) {
    }

    static final double MIN_SPEED = 0.5;
    static final double MAX_SPEED = 8;
    static final long IDLE_LIMIT_NANOS = 1_000_000_000L;
    /**
     * When output arrives this late (a slow network, a stalled hub), playback goes on from there at the recorded pace
     * rather than rushing through what came late.
     */
    static final long LATE_LIMIT_NANOS = 250_000_000L;

    private final Options options;
    private final PlaybackClock clock;

    RecordingPlayer(Options options, PlaybackClock clock) {
        this.options = options;
        this.clock = clock;
    }

    /** @throws MshException (usage) when it is not a number from 0.5 to 8 */
    static double speed(String text) {
        double speed;
        try {
            speed = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            speed = Double.NaN;
        }
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw MshException.usage("--speed " + text + ": expected a number from 0.5 to 8");
        }
        return speed;
    }

    /** Plays the events (the header was read) to {@code out}, flushing as it goes. */
    void play(AsciicastReader recording, OutputStream out) throws IOException, InterruptedException {
        switch (options.format()) {
            case JSON -> json(recording, out);
            case TEXT -> text(recording, out);
            case PTY -> pty(recording, out);
            default -> throw new IllegalStateException(options.format().name());
        }
        out.flush();
    }

    private static void json(AsciicastReader recording, OutputStream out) throws IOException {
        write(out, recording.header().line() + "\n");
        for (AsciicastReader.Event event = recording.next(); event != null; event = recording.next()) {
            write(out, event.line() + "\n");
        }
    }

    private static void text(AsciicastReader recording, OutputStream out) throws IOException {
        TerminalText text = new TerminalText();
        for (AsciicastReader.Event event = recording.next(); event != null; event = recording.next()) {
            if (event.code().equals("o")) {
                write(out, text.strip(event.data()));
            }
        }
        write(out, text.finish());
    }

    /**
     * Each output event is written when it is due: at its time in the recording, divided by the speed, counted from
     * the start of playback (so that the time spent writing does not add up), with idle pauses cut when asked.
     */
    private void pty(AsciicastReader recording, OutputStream out) throws IOException, InterruptedException {
        long start = clock.nanoTime();
        long due = 0;
        double previous = 0;
        for (AsciicastReader.Event event = recording.next(); event != null; event = recording.next()) {
            long pause = Math.round(Math.max(0, event.time() - previous) * 1e9);
            previous = Math.max(previous, event.time());
            if (options.skipIdle()) {
                pause = Math.min(pause, IDLE_LIMIT_NANOS);
            }
            due += Math.round(pause / options.speed());
            long wait = start + due - clock.nanoTime();
            if (wait > 0) {
                clock.sleepNanos(wait);
            } else if (-wait > LATE_LIMIT_NANOS) {
                start -= wait;
            }
            if (event.code().equals("o")) {
                write(out, event.data());
            }
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        if (!text.isEmpty()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
