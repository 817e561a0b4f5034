package org.mezite.proxy.ssh.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.mezite.api.audit.AuditDetails;
import org.mezite.api.recording.RecordingInfo;

/**
 * What {@code recordings ls} prints, in the order given (newest first): a JSON array of
 * {@code {"session_id","user","login","node","started_at","duration_ms","complete","size_bytes"}} ({@code started_at}
 * ISO-8601, a field the recording did not name is {@code null}), or a table for people.
 */
final class RecordingListing {

    private static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private RecordingListing() {
    }

    static String json(List<RecordingInfo> recordings) {
        StringBuilder json = new StringBuilder("[");
        String separator = "";
        for (RecordingInfo recording : recordings) {
            json.append(separator).append("\n  {\"session_id\":").append(AuditDetails.quote(recording.sessionId()))
                    .append(",\"user\":").append(nullable(recording.username()))
                    .append(",\"login\":").append(nullable(recording.login()))
                    .append(",\"node\":").append(nullable(recording.nodeName()))
                    .append(",\"started_at\":").append(AuditDetails.quote(recording.startedAt().toString()))
                    .append(",\"duration_ms\":").append(recording.duration().toMillis())
                    .append(",\"complete\":").append(recording.complete())
                    .append(",\"size_bytes\":").append(recording.sizeBytes()).append('}');
            separator = ",";
        }
        return json.append(recordings.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    /** SESSION USER LOGIN NODE STARTED (UTC) DURATION COMPLETE SIZE, columns padded to their widest value. */
    static String table(List<RecordingInfo> recordings) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SESSION", "USER", "LOGIN", "NODE", "STARTED (UTC)", "DURATION", "COMPLETE", "SIZE"});
        for (RecordingInfo recording : recordings) {
            rows.add(new String[] {recording.sessionId(), text(recording.username()), text(recording.login()),
                text(recording.nodeName()), time(recording.startedAt()), duration(recording.duration()),
                recording.complete() ? "yes" : "no", Long.toString(recording.sizeBytes())});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]).append(i < row.length - 1 ? " ".repeat(widths[i] - row[i].length() + 2) : "");
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    private static String nullable(String value) {
        return value == null ? "null" : AuditDetails.quote(value);
    }

    /** A name from a recording's header, which its node wrote: shown without control characters. */
    private static String text(String value) {
        return value == null ? "-" : value.replaceAll("\\p{Cntrl}", "?");
    }

    private static String time(Instant time) {
        return TABLE_TIME.format(time);
    }

    /** {@code 1h02m03s}, {@code 4m05s}, {@code 6s}. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return String.format("%dh%02dm%02ds", hours, minutes, rest);
        }
        return minutes > 0 ? String.format("%dm%02ds", minutes, rest) : rest + "s";
    }
}
