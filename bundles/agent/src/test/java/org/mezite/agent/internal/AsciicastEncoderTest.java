package org.mezite.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mezite.api.access.RecordSessionMode;
import org.mezite.api.recording.RecordingHeader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AsciicastEncoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AsciicastEncoder encoder = new AsciicastEncoder();

    @Test
    void theHeaderIsAnAsciicastV2HeaderWithMezitesFields() throws Exception {
        byte[] line = AsciicastEncoder.header(new RecordingHeader("s-1", "alice \"the admin\"", "root", "n-1",
                "node-01", List.of("access", "dev"), 132, 43, "xterm-256color",
                Instant.parse("2030-01-01T10:00:00.5Z"), RecordSessionMode.STRICT));

        assertThat(new String(line, StandardCharsets.UTF_8)).endsWith("}\n").doesNotContain("\n{");
        JsonNode header = JSON.readTree(line);
        assertThat(header.get("version").asInt()).isEqualTo(2);
        assertThat(header.get("width").asInt()).isEqualTo(132);
        assertThat(header.get("height").asInt()).isEqualTo(43);
        assertThat(header.get("timestamp").asLong()).isEqualTo(Instant.parse("2030-01-01T10:00:00Z")
                .getEpochSecond());
        assertThat(header.at("/env/TERM").asText()).isEqualTo("xterm-256color");
        assertThat(header.get("title").asText()).isEqualTo("alice \"the admin\" as root on node-01");
        JsonNode mezite = header.get("mezite");
        assertThat(mezite.get("session_id").asText()).isEqualTo("s-1");
        assertThat(mezite.get("user").asText()).isEqualTo("alice \"the admin\"");
        assertThat(mezite.get("login").asText()).isEqualTo("root");
        assertThat(mezite.get("node").asText()).isEqualTo("node-01");
        assertThat(mezite.get("node_id").asText()).isEqualTo("n-1");
        assertThat(mezite.get("roles")).extracting(JsonNode::asText).containsExactly("access", "dev");
    }

    @Test
    void aHeaderWithoutTermHasNoEnv() throws Exception {
        JsonNode header = JSON.readTree(AsciicastEncoder.header(new RecordingHeader("s-1", "alice", "root", "n-1",
                "node-01", List.of(), 80, 24, null, Instant.EPOCH, RecordSessionMode.BEST_EFFORT)));
        assertThat(header.has("env")).isFalse();
    }

    @Test
    void outputWithEscapesQuotesAndControlCharactersIsOneValidJsonLine() throws Exception {
        String shown = "\u001b[1;31mred\u001b[0m \"quoted\" back\\slash\ttab\r\nbell\u0007 del\u007f nul\u0000";

        byte[] line = encoder.output(bytes(shown), 0, bytes(shown).length, 1_234_567_890L);

        String text = new String(line, StandardCharsets.UTF_8);
        assertThat(text).startsWith("[1.234567, \"o\", ").endsWith("]\n");
        assertThat(text.substring(0, text.length() - 1)).doesNotContain("\n").doesNotContain("\r")
                .doesNotContain("\u001b");
        JsonNode event = JSON.readTree(line);
        assertThat(event.get(0).asDouble()).isEqualTo(1.234567);
        assertThat(event.get(1).asText()).isEqualTo("o");
        assertThat(event.get(2).asText()).isEqualTo(shown);
    }

    @Test
    void aCharacterCutBetweenChunksWaitsForItsRest() throws Exception {
        String shown = "é€😀 ok ü";
        byte[] all = bytes(shown);
        for (int cut = 1; cut < all.length; cut++) {
            AsciicastEncoder fresh = new AsciicastEncoder();
            StringBuilder decoded = new StringBuilder();
            for (byte[] line : nonNull(fresh.output(all, 0, cut, 0), fresh.output(all, cut, all.length - cut, 1000),
                    fresh.finish(2000))) {
                decoded.append(JSON.readTree(line).get(2).asText());
            }
            assertThat(decoded.toString()).as("cut after byte %d", cut).isEqualTo(shown);
        }
    }

    @Test
    void aChunkThatEndsInsideTheOnlyCharacterGivesNoEventYet() throws Exception {
        byte[] euro = bytes("€");

        assertThat(encoder.output(euro, 0, 1, 0)).isNull();
        assertThat(encoder.output(euro, 1, 1, 0)).isNull();
        assertThat(JSON.readTree(encoder.output(euro, 2, 1, 0)).get(2).asText()).isEqualTo("€");
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharacters() throws Exception {
        byte[] broken = {'a', (byte) 0xff, 'b', (byte) 0xc3, 'c'};
        assertThat(JSON.readTree(encoder.output(broken, 0, broken.length, 0)).get(2).asText())
                .isEqualTo("a\uFFFDb\uFFFDc");

        byte[] cut = bytes("x€");
        assertThat(JSON.readTree(encoder.output(cut, 0, 2, 0)).get(2).asText()).isEqualTo("x");
        assertThat(JSON.readTree(encoder.finish(5_000_000)).get(2).asText()).isEqualTo("\uFFFD");
        assertThat(encoder.finish(6_000_000)).isNull();
    }

    @Test
    void aResizeIsAnREventWithColumnsByRows() throws Exception {
        JsonNode event = JSON.readTree(AsciicastEncoder.resize(132, 43, 61_000_001_000L));

        assertThat(event.get(0).asText()).isEqualTo("61.000001");
        assertThat(event.get(1).asText()).isEqualTo("r");
        assertThat(event.get(2).asText()).isEqualTo("132x43");
    }

    @Test
    void aWholeRecordingIsOneJsonDocumentPerLine() throws Exception {
        ByteArrayOutputStream cast = new ByteArrayOutputStream();
        cast.write(AsciicastEncoder.header(new RecordingHeader("s", "u", "l", "n", "node", List.of("r"), 80, 24,
                "xterm", Instant.EPOCH, RecordSessionMode.BEST_EFFORT)));
        cast.write(encoder.output(bytes("$ ls\r\n"), 0, 6, 10_000));
        cast.write(AsciicastEncoder.resize(100, 30, 20_000));
        cast.write(encoder.output(bytes("a\nb\n"), 0, 4, 30_000));

        String[] lines = cast.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertThat(lines).hasSize(5);
        assertThat(lines[4]).isEmpty();
        for (int i = 0; i < 4; i++) {
            assertThat(JSON.readTree(lines[i]).isContainerNode()).isTrue();
        }
    }

    private static List<byte[]> nonNull(byte[]... lines) {
        List<byte[]> kept = new ArrayList<>();
        for (byte[] line : lines) {
            if (line != null) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
