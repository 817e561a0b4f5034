package org.mezite.proxy.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mezite.api.recording.RecordingInfo;

class RecordingRequestTest {

    @Test
    void lsTakesItsOptionsSeparateOrWithEquals() {
        assertThat(RecordingRequest.parse(List.of("ls")))
                .isEqualTo(new RecordingRequest.ListRecordings(false, RecordingRequest.DEFAULT_LIMIT));
        assertThat(RecordingRequest.parse(List.of("ls", "--format=json", "--limit", "7")))
                .isEqualTo(new RecordingRequest.ListRecordings(true, 7));
        assertThat(RecordingRequest.parse(List.of("ls", "--limit=1000", "--format", "text")))
                .isEqualTo(new RecordingRequest.ListRecordings(false, 1000));
    }

    @Test
    void lsRefusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> RecordingRequest.parse(List.of("ls", "--limit", "1001")))
                .hasMessage("recordings ls: --limit \"1001\": expected a number from 1 to 1000");
        assertThatThrownBy(() -> RecordingRequest.parse(List.of("ls", "--format", "yaml")))
                .hasMessage("recordings ls: --format \"yaml\": expected json or text");
        assertThatThrownBy(() -> RecordingRequest.parse(List.of("ls", "--limit")))
                .hasMessage("recordings ls: --limit needs a value");
        assertThatThrownBy(() -> RecordingRequest.parse(List.of("ls", "alice")))
                .hasMessageStartingWith("recordings ls: unknown argument \"alice\"");
    }

    @Test
    void getTakesOneSessionIdAndShowsABadOneSafely() {
        assertThat(RecordingRequest.parse(List.of("get", "9b2c8a8e-1f0e-4a43-9d7c-0c6f1f2d9e10")))
                .isEqualTo(new RecordingRequest.GetRecording("9b2c8a8e-1f0e-4a43-9d7c-0c6f1f2d9e10"));
        assertThatThrownBy(() -> RecordingRequest.parse(List.of("get", "\u001b[2Jx")))
                .hasMessage("recordings get: \"\\u001b[2Jx\" is not a session id");
        assertThatThrownBy(() -> RecordingRequest.parse(List.of("get")))
                .hasMessageStartingWith("recordings get: expected one SESSION_ID");
    }

    @Test
    void theListingShowsFieldsTheRecordingDidNotNameAsNullOrADash() {
        RecordingInfo anonymous = new RecordingInfo("s-1", null, null, "node\u001b-01",
                Instant.parse("2026-03-01T09:00:00.250Z"), Duration.ofSeconds(3723), false, 42, "database",
                Instant.parse("2026-03-01T10:02:05Z"));

        assertThat(RecordingListing.json(List.of(anonymous))).isEqualTo("[\n"
                + "  {\"session_id\":\"s-1\",\"user\":null,\"login\":null,\"node\":\"node\\u001b-01\","
                + "\"started_at\":\"2026-03-01T09:00:00.250Z\",\"duration_ms\":3723000,\"complete\":false,"
                + "\"size_bytes\":42}\n]\n");
        assertThat(RecordingListing.json(List.of())).isEqualTo("[]\n");
        assertThat(RecordingListing.table(List.of(anonymous)).lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("s-1      -     -      node?-01  2026-03-01 09:00:00  1h02m03s  no        42");
    }
}
