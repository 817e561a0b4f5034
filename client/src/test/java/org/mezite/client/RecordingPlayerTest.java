package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Playback of the sample recording on a clock that moves only when the player sleeps (or a test says so). */
class RecordingPlayerTest {

    private final FakeClock clock = new FakeClock();
    private final TimedOutput out = new TimedOutput(clock);

    @Test
    void ptyWritesEachOutputAtItsTimeInTheRecording() throws Exception {
        play(RecordingPlayer.Format.PTY, 1, false, Recordings.sample());

        assertThat(out.times()).containsExactly(0.125, 1.5, 1.625, 1.75, 1.875, 2.0, 2.25, 2.3, 2.3125, 9.5, 9.75, 11.0,
                11.0625);
        assertThat(out.text()).startsWith("\u001b]0;root@node-01: ~\u0007\u001b[01;32mroot@node-01")
                .contains("caf\u00e9").endsWith("logout\r\n");
    }

    @Test
    void speedDividesEveryPause() throws Exception {
        play(RecordingPlayer.Format.PTY, 2, false, Recordings.sample());

        assertThat(out.times()).containsExactly(0.0625, 0.75, 0.8125, 0.875, 0.9375, 1.0, 1.125, 1.15, 1.15625, 4.75,
                4.875, 5.5, 5.53125);
    }

    @Test
    void skipIdleCutsPausesLongerThanASecondBeforeTheSpeedApplies() throws Exception {
        play(RecordingPlayer.Format.PTY, 1, true, Recordings.sample());
        List<Double> normal = out.times();
        out.clear();
        clock.reset();
        play(RecordingPlayer.Format.PTY, 0.5, true, Recordings.sample());

        // 1.5 follows 0.125 after 1.375 s (cut to 1), 9.5 follows the resize at 4.0 after 5.5 s (cut to 1), ...
        assertThat(normal).containsExactly(0.125, 1.125, 1.25, 1.375, 1.5, 1.625, 1.875, 1.925, 1.9375, 3.9375,
                4.1875, 5.1875, 5.25);
        assertThat(out.times()).containsExactly(0.25, 2.25, 2.5, 2.75, 3.0, 3.25, 3.75, 3.85, 3.875, 7.875, 8.375,
                10.375, 10.5);
    }

    @Test
    void outputThatArrivesLateIsPlayedOnFromWhenItArrivedNotRushed() throws Exception {
        String recording = "{\"version\": 2, \"width\": 80, \"height\": 24}\n[1.0, \"o\", \"a\"]\n[2.0, \"o\", \"b\"]\n"
                + "[2.5, \"o\", \"c\"]\n";
        // the hub stalls for 10 s before the second event arrives
        InputStream slow = new LineByLine(recording, clock, 2, 10_000_000_000L);

        RecordingPlayer player = new RecordingPlayer(new RecordingPlayer.Options(RecordingPlayer.Format.PTY, 1, false),
                clock);
        player.play(new AsciicastReader(slow, "slow"), out);

        assertThat(out.times()).containsExactly(1.0, 11.0, 11.5);
    }

    @Test
    void jsonPrintsTheRecordingsLinesAtOnce() throws Exception {
        play(RecordingPlayer.Format.JSON, 1, false, Recordings.sample());

        assertThat(out.text()).isEqualTo(new String(Recordings.sample(), StandardCharsets.UTF_8));
        assertThat(clock.slept).isEmpty();
    }

    @Test
    void textPrintsWhatTheTerminalShowedWithoutEscapesAtOnce() throws Exception {
        play(RecordingPlayer.Format.TEXT, 1, false, Recordings.sample());

        assertThat(out.text()).isEqualTo(Recordings.SAMPLE_TEXT);
        assertThat(clock.slept).isEmpty();
    }

    @Test
    void aGzipCompressedRecordingPlaysTheSame() throws Exception {
        play(RecordingPlayer.Format.TEXT, 1, false, Recordings.gzip(Recordings.sample()));

        assertThat(out.text()).isEqualTo(Recordings.SAMPLE_TEXT);
    }

    @Test
    void theSpeedIsANumberFromHalfToEight() {
        assertThat(RecordingPlayer.speed("0.5")).isEqualTo(0.5);
        assertThat(RecordingPlayer.speed("8")).isEqualTo(8);
        assertThat(RecordingPlayer.speed("1.25")).isEqualTo(1.25);
        for (String wrong : List.of("0.4", "8.01", "0", "-1", "fast", "NaN", "Infinity", "")) {
            assertThatThrownBy(() -> RecordingPlayer.speed(wrong)).isInstanceOf(MshException.class)
                    .hasMessage("--speed " + wrong + ": expected a number from 0.5 to 8")
                    .satisfies(e -> assertThat(((MshException) e).exitCode()).isEqualTo(MshException.USAGE));
        }
    }

    @Test
    void theFormatIsPtyJsonOrText() {
        assertThat(RecordingPlayer.Format.parse("text")).isEqualTo(RecordingPlayer.Format.TEXT);
        assertThatThrownBy(() -> RecordingPlayer.Format.parse("html"))
                .hasMessage("--format html: expected pty, json or text");
    }

    private void play(RecordingPlayer.Format format, double speed, boolean skipIdle, byte[] recording)
            throws Exception {
        RecordingPlayer player = new RecordingPlayer(new RecordingPlayer.Options(format, speed, skipIdle), clock);
        try (AsciicastReader reader = new AsciicastReader(RecordingBytes.text(new ByteArrayInputStream(recording)),
                "sample.cast")) {
            player.play(reader, out);
        }
    }

    /** Time moves only when the player sleeps, or when a test moves it. */
    static final class FakeClock implements PlaybackClock {
        long now = 5_000_000_000L;
        final List<Long> slept = new ArrayList<>();
        long start = now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            slept.add(nanos);
            now += nanos;
        }

        void reset() {
            start = now;
        }
    }

    /** Output that remembers when (in seconds of the fake clock since its start) each write happened. */
    static final class TimedOutput extends OutputStream {
        private final FakeClock clock;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final List<Double> times = new ArrayList<>();

        TimedOutput(FakeClock clock) {
            this.clock = clock;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            times.add((clock.now - clock.start) / 1e9);
            bytes.write(data, offset, length);
        }

        List<Double> times() {
            return List.copyOf(times);
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        void clear() {
            times.clear();
            bytes.reset();
        }
    }

    /** A recording that arrives a line per read, with a stall (the clock moved on) before one of its lines. */
    static final class LineByLine extends InputStream {
        private final String[] lines;
        private final FakeClock clock;
        private final int stallBefore;
        private final long stallNanos;
        private int next;

        LineByLine(String text, FakeClock clock, int stallBefore, long stallNanos) {
            this.lines = text.split("(?<=\n)");
            this.clock = clock;
            this.stallBefore = stallBefore;
            this.stallNanos = stallNanos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (next >= lines.length) {
                return -1;
            }
            if (next == stallBefore) {
                clock.now += stallNanos;
            }
            byte[] line = lines[next++].getBytes(StandardCharsets.UTF_8);
            if (line.length > length) {
                throw new IllegalStateException("the test's lines are short");
            }
            System.arraycopy(line, 0, buffer, offset, line.length);
            return line.length;
        }
    }
}
