package org.mezite.recording.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the index needs from an asciicast v2 recording: its header and the time of its last event. Read while the
 * recording is copied (to be compressed), so it is read once.
 *
 * @param header   the first line
 * @param duration the time of the last event
 */
record CastSummary(CastHeader header, Duration duration) {

    /**
     * Copies the recording from {@code in} to {@code out} and sums it up. A last line cut short (an agent killed
     * while it wrote it) is left out, so that the stored recording is valid asciicast.
     *
     * @throws IllegalArgumentException when it is not asciicast v2 with Mezite's header, or a line other than the
     *                                  last is not an event
     */
    static CastSummary copy(InputStream in, OutputStream out) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        String first = lines.readLine();
        if (first == null) {
            throw new IllegalArgumentException("the recording is empty");
        }
        CastHeader header = CastHeader.parse(first);
        write(out, first);
        double last = 0;
        int number = 1;
        int cutShort = 0;
        for (String line; (line = lines.readLine()) != null;) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (cutShort > 0) {
                throw new IllegalArgumentException("line " + cutShort + " of the recording is not an asciicast event");
            }
            double time = time(line);
            if (Double.isNaN(time)) {
                cutShort = number; // left out if it is the last line, refused if any other follows
                continue;
            }
            last = Math.max(last, time);
            write(out, line);
        }
        return new CastSummary(header, Duration.ofMillis(Math.round(last * 1000)));
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /**
     * The event's time: the number before the first comma of {@code [1.25, "o", "..."]}; NaN when the line is not
     * shaped like an event. Only the shape is checked, not the JSON of the whole line: this runs over every line of
     * every recording.
     */
    private static double time(String line) {
        int comma = line.indexOf(',');
        if (!line.startsWith("[") || !line.endsWith("]") || comma < 0) {
            return Double.NaN;
        }
        try {
            double time = Double.parseDouble(line.substring(1, comma).trim());
            return time >= 0 && Double.isFinite(time) ? time : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
