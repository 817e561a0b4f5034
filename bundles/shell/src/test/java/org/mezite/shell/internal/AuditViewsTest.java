package org.mezite.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mezite.api.store.AuditEvent;

class AuditViewsTest {

    static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");

    @Test
    void oddValuesStayOneWordOnOneLine() {
        AuditEvent odd = new AuditEvent(7, NOW, "user.login", null, "bob smith", "-", "", "s\n1", null, null, null,
                "failure", "{\"reason\":\"bad password\"}", "a", "b");

        assertThat(AuditViews.line(odd)).isEqualTo("2030-01-02T03:04:05Z 7 user.login failure \"bob smith\" \"-\" -"
                + " \"s\\n1\" {\"reason\":\"bad password\"}");
    }

    @Test
    void metadataThatIsNotJsonIsShownAsItIs() {
        AuditEvent broken = new AuditEvent(8, NOW, "x", null, null, null, null, null, null, null, null, "success",
                "not json", "a", "b");

        assertThat(AuditViews.json(broken).get("metadata")).isEqualTo("not json");
    }

    @Test
    void pointsInTime() {
        assertThat(PointsInTime.parse("--since", "1h", NOW)).isEqualTo(Instant.parse("2030-01-02T02:04:05Z"));
        assertThat(PointsInTime.parse("--since", "7d", NOW)).isEqualTo(Instant.parse("2029-12-26T03:04:05Z"));
        assertThat(PointsInTime.parse("--since", "2030-01-01T10:00:00Z", NOW))
                .isEqualTo(Instant.parse("2030-01-01T10:00:00Z"));
        assertThat(PointsInTime.parse("--since", "2030-01-01T12:00:00+02:00", NOW))
                .isEqualTo(Instant.parse("2030-01-01T10:00:00Z"));
        assertThat(PointsInTime.parse("--until", "2030-01-01", NOW)).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThatThrownBy(() -> PointsInTime.parse("--until", "2030-13-01", NOW))
                .hasMessageStartingWith("--until: \"2030-13-01\" is neither a time ago");
        assertThatThrownBy(() -> PointsInTime.parse("--since", "0h", NOW))
                .hasMessageStartingWith("--since: \"0h\" is neither a time ago");
    }
}
