package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AsciicastReaderTest {

    @Test
    void readsTheHeaderWithMezitesFieldsAndEveryEvent() throws IOException {
        try (AsciicastReader reader = reader(Recordings.sample())) {
            AsciicastReader.Header header = reader.header();
            assertThat(header.width()).isEqualTo(100);
            assertThat(header.height()).isEqualTo(30);
            assertThat(header.timestamp()).isEqualTo(Instant.ofEpochSecond(1772355600));
            assertThat(header.title()).isEqualTo("alice as root on node-01");
            assertThat(header.mezite()).containsEntry("session_id", Recordings.SESSION_ID)
                    .containsEntry("user", "alice").containsEntry("login", "root").containsEntry("node", "node-01");

            List<AsciicastReader.Event> events = events(reader);
            assertThat(events).hasSize(14);
            assertThat(events.get(0).time()).isEqualTo(0.125);
            assertThat(events.get(0).code()).isEqualTo("o");
            assertThat(events.get(0).data()).startsWith("\u001b]0;root@node-01: ~\u0007");
            assertThat(events.get(9)).satisfies(resize -> {
                assertThat(resize.code()).isEqualTo("r");
                assertThat(resize.data()).isEqualTo("120x40");
            });
            assertThat(events.get(10).data()).contains("caf\u00e9");
            assertThat(reader.endedInAPartialLine()).isFalse();
        }
    }

    @Test
    void aRecordingCutOffInTheMiddleOfALineEndsBeforeIt() throws IOException {
        String cut = header() + "[0.5, \"o\", \"one\"]\n[0.75, \"o\", \"tw";

        try (AsciicastReader reader = reader(cut.getBytes(StandardCharsets.UTF_8))) {
            assertThat(events(reader)).extracting(AsciicastReader.Event::data).containsExactly("one");
            assertThat(reader.endedInAPartialLine()).isTrue();
        }
    }

    @Test
    void aLineThatIsNoEventInTheMiddleIsAnErrorNamingIt() throws IOException {
        String broken = header() + "[0.5, \"o\", \"one\"]\n{\"not\": \"an event\"}\n[1, \"o\", \"two\"]\n";

        try (AsciicastReader reader = reader(broken.getBytes(StandardCharsets.UTF_8))) {
            assertThat(reader.next().data()).isEqualTo("one");
            assertThatThrownBy(reader::next).isInstanceOf(MshException.class)
                    .hasMessage("line 3 of session.cast is not an asciicast event");
        }
    }

    @Test
    void somethingElseIsRefusedForWhatItIs() {
        assertThatThrownBy(() -> reader(new byte[0])).hasMessage("session.cast is empty");
        assertThatThrownBy(() -> reader("hello\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("session.cast is not an asciicast recording: its first line is not a JSON object");
        assertThatThrownBy(() -> reader("{\"version\":1,\"width\":80,\"height\":24,\"stdout\":[]}\n"
                .getBytes(StandardCharsets.UTF_8)))
                .hasMessage("session.cast is not an asciicast v2 recording (version 1)");
    }

    private static String header() {
        return "{\"version\": 2, \"width\": 80, \"height\": 24}\n";
    }

    private static AsciicastReader reader(byte[] data) throws IOException {
        return new AsciicastReader(new ByteArrayInputStream(data), "session.cast");
    }

    private static List<AsciicastReader.Event> events(AsciicastReader reader) throws IOException {
        List<AsciicastReader.Event> events = new ArrayList<>();
        for (AsciicastReader.Event event = reader.next(); event != null; event = reader.next()) {
            events.add(event);
        }
        return events;
    }
}
