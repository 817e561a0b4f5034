package org.mezite.recording.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.recording.RecordingInfo;
import org.mezite.api.recording.RecordingMode;
import org.mezite.api.recording.RecordingSink;
import org.mezite.api.recording.RecordingSinkUnavailableException;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Recording;
import org.mezite.api.store.RecordingRepository;

class HubRecordingsTest {

    private static final String HEADER = "{\"version\":2,\"width\":80,\"height\":24,\"timestamp\":1764316800,"
            + "\"env\":{\"TERM\":\"xterm\"},\"mezite\":{\"session_id\":\"s-1\",\"user\":\"alice\",\"login\":\"root\","
            + "\"node\":\"node-01\",\"node_id\":\"n-1\",\"roles\":[\"access\"]}}\n";
    private static final String EVENTS = "[0.5, \"o\", \"$ \"]\n[1.25, \"o\", \"hello\\r\\n\"]\n[2.75, \"r\", \"100x30\"]\n";

    private static final Map<String, Object> FILE_SINK = Map.of(RecordingSink.NAME, "file", "service.id", 1L);
    /** Not a timing assertion: a guard so that a broken lock fails the test instead of hanging the build. */
    private static final long GUARD_SECONDS = 30;

    @TempDir
    Path data;

    private final MapIndex index = new MapIndex();
    private final List<NewAuditEvent> audited = new CopyOnWriteArrayList<>();
    private final MapSink sink = new MapSink();

    private HubRecordings recordings(String mode, String sinkName) {
        return new HubRecordings(data, index, audited::add,
                Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC), config(mode, sinkName));
    }

    @Test
    void receivesInPartsStoresCompressedAndIndexes() throws IOException {
        HubRecordings recordings = recordings("node", "file");
        recordings.addSink(sink, FILE_SINK);
        byte[] whole = (HEADER + EVENTS).getBytes(StandardCharsets.UTF_8);

        assertThat(recordings.receive("n-1", "s-1")).isZero();
        recordings.append("n-1", "s-1", 0, slice(whole, 0, 100));
        // the agent comes back after an interruption and goes on from what Auth holds
        assertThat(recordings.receive("n-1", "s-1")).isEqualTo(100);
        recordings.append("n-1", "s-1", 100, slice(whole, 100, whole.length));
        RecordingInfo info = recordings.finish("n-1", "s-1", whole.length, true);

        assertThat(info.username()).isEqualTo("alice");
        assertThat(info.login()).isEqualTo("root");
        assertThat(info.nodeName()).isEqualTo("node-01");
        assertThat(info.startedAt()).isEqualTo(Instant.ofEpochSecond(1764316800));
        assertThat(info.duration()).isEqualTo(Duration.ofMillis(2750));
        assertThat(info.complete()).isTrue();
        assertThat(gunzip(sink.stored.get("s-1"))).isEqualTo(HEADER + EVENTS);
        try (InputStream in = recordings.open("s-1")) {
            assertThat(gunzip(in.readAllBytes())).isEqualTo(HEADER + EVENTS);
        }
        assertThat(recordings.list(10)).containsExactly(info);
        assertThat(recordings.staged()).isEmpty();
        assertThat(audited).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("recording.upload");
            assertThat(event.sessionId()).isEqualTo("s-1");
            assertThat(event.metadata()).contains("\"complete\":true", "\"sink\":\"file\"");
        });
    }

    @Test
    void withoutItsSinkARecordingWaitsStagedAndIsStoredOnceTheSinkIsBack() throws IOException {
        HubRecordings recordings = recordings("node", "file");
        byte[] whole = (HEADER + EVENTS).getBytes(StandardCharsets.UTF_8);
        recordings.receive("n-1", "s-1");
        recordings.append("n-1", "s-1", 0, whole);

        assertThatThrownBy(() -> recordings.finish("n-1", "s-1", whole.length, false))
                .isInstanceOf(RecordingSinkUnavailableException.class)
                .hasMessageContaining("no recording sink \"file\" is installed");
        assertThat(recordings.staged()).singleElement().satisfies(s -> assertThat(s.bytes()).isEqualTo(whole.length));

        recordings.addSink(sink, FILE_SINK);
        assertThat(recordings.receive("n-1", "s-1")).isEqualTo(whole.length);
        assertThat(recordings.finish("n-1", "s-1", whole.length, false).complete()).isFalse();
        recordings.removeSink(sink, FILE_SINK);
        assertThatThrownBy(() -> recordings.open("s-1")).isInstanceOf(RecordingSinkUnavailableException.class)
                .hasMessage("the recording of session s-1 is in the sink \"file\", which is not installed");
    }

    @Test
    void refusesOffsetsThatDoNotFollowOnOtherNodesAndForeignHeaders() throws IOException {
        HubRecordings recordings = recordings("node-sync", "file");
        recordings.addSink(sink, FILE_SINK);
        recordings.receive("n-1", "s-1");
        recordings.append("n-1", "s-1", 0, "abc".getBytes());

        assertThatThrownBy(() -> recordings.append("n-1", "s-1", 10, "x".getBytes()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("offset 10 does not follow on: Auth holds 3 bytes of the recording of session s-1");
        assertThatThrownBy(() -> recordings.receive("n-2", "s-1")).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> recordings.receive("n-1", "../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> recordings.finish("n-1", "s-1", 4, true)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the recording of session s-1 is 4 bytes, Auth holds 3");

        assertThat(sink.stored).isEmpty();
    }

    @Test
    void aLastLineCutShortByAKilledAgentIsLeftOut() throws IOException {
        HubRecordings recordings = recordings("node", "file");
        recordings.addSink(sink, FILE_SINK);
        byte[] cut = (HEADER + EVENTS + "[3.5, \"o\", \"half wri").getBytes(StandardCharsets.UTF_8);
        recordings.receive("n-1", "s-1");
        recordings.append("n-1", "s-1", 0, cut);

        RecordingInfo info = recordings.finish("n-1", "s-1", cut.length, false);

        assertThat(gunzip(sink.stored.get("s-1"))).isEqualTo(HEADER + EVENTS);
        assertThat(info.duration()).isEqualTo(Duration.ofMillis(2750));
    }

    @Test
    void aHeaderOfAnotherNodeOrSessionIsRefusedAsItArrivesAndMovedAside() throws IOException {
        HubRecordings recordings = recordings("node-sync", "file");
        recordings.addSink(sink, FILE_SINK);
        byte[] foreign = HEADER.replace("\"n-1\"", "\"n-9\"").getBytes(StandardCharsets.UTF_8);
        recordings.receive("n-1", "s-1");
        recordings.append("n-1", "s-1", 0, slice(foreign, 0, 20)); // no whole line yet: nothing to judge

        assertThatThrownBy(() -> recordings.append("n-1", "s-1", 20, slice(foreign, 20, foreign.length)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the recording's header names node n-9, not the node that sends it");
        assertThat(recordings.staged()).isEmpty();
        assertThat(data.resolve("rejected/s-1.cast")).hasBinaryContent(foreign);
        assertThat(audited).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("recording.upload");
            assertThat(event.result()).isEqualTo("failure");
            assertThat(event.metadata()).contains("\"node_id\":\"n-1\"", "names node n-9");
        });

        byte[] otherSession = HEADER.getBytes(StandardCharsets.UTF_8);
        recordings.receive("n-1", "s-2");
        assertThatThrownBy(() -> recordings.append("n-1", "s-2", 0, otherSession))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the recording's header is of session s-1, not s-2");
        byte[] notACast = "{\"version\":1}\n".getBytes(StandardCharsets.UTF_8);
        recordings.receive("n-1", "s-3");
        assertThatThrownBy(() -> recordings.append("n-1", "s-3", 0, notACast))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the recording is not asciicast version 2");
        recordings.receive("n-1", "s-4");
        assertThatThrownBy(() -> recordings.append("n-1", "s-4", 0, new byte[HubRecordings.HEADER_LIMIT]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hold no asciicast header line");
        assertThat(sink.stored).isEmpty();
        assertThat(recordings.staged()).isEmpty();
    }

    @Test
    void aLineInTheMiddleThatIsNoEventIsRefusedAtTheEnd() throws IOException {
        HubRecordings recordings = recordings("node", "file");
        recordings.addSink(sink, FILE_SINK);
        byte[] broken = (HEADER + "not an event\n" + EVENTS).getBytes(StandardCharsets.UTF_8);
        recordings.receive("n-1", "s-1");
        recordings.append("n-1", "s-1", 0, broken);

        assertThatThrownBy(() -> recordings.finish("n-1", "s-1", broken.length, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2 of the recording is not an asciicast event");
        assertThat(sink.stored).isEmpty();
        assertThat(index.rows).isEmpty();
        assertThat(data.resolve("rejected/s-1.cast")).exists();
        try (var files = Files.list(data.resolve("staging"))) {
            assertThat(files).as("nothing left in the staging").isEmpty();
        }
    }

    @Test
    void aStoredRecordingIsSentAgainOnlyByItsNode() throws IOException {
        HubRecordings recordings = recordings("node", "file");
        recordings.addSink(sink, FILE_SINK);
        byte[] whole = (HEADER + EVENTS).getBytes(StandardCharsets.UTF_8);
        recordings.receive("n-1", "s-1");
        recordings.append("n-1", "s-1", 0, whole);
        recordings.finish("n-1", "s-1", whole.length, true);

        assertThatThrownBy(() -> recordings.receive("n-2", "s-1")).isInstanceOf(SecurityException.class)
                .hasMessage("the recording of session s-1 is stored already, sent by another node");
        // its own node missed Auth's answer and sends it again
        assertThat(recordings.receive("n-1", "s-1")).isZero();
        recordings.append("n-1", "s-1", 0, whole);
        assertThat(recordings.finish("n-1", "s-1", whole.length, true).complete()).isTrue();
        assertThat(gunzip(sink.stored.get("s-1"))).isEqualTo(HEADER + EVENTS);
    }

    @Test
    void twoFinishesOfOneSessionStoreItOnceAndBothSucceed() throws Exception {
        HubRecordings recordings = recordings("node", "file");
        CountDownLatch storing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger stores = new AtomicInteger();
        recordings.addSink(new MapSink() {
            @Override
            public String store(String sessionId, InputStream gzipped) throws IOException {
                stores.incrementAndGet();
                storing.countDown();
                await(release);
                return super.store(sessionId, gzipped);
            }
        }, FILE_SINK);
        byte[] whole = (HEADER + EVENTS).getBytes(StandardCharsets.UTF_8);
        recordings.receive("n-1", "s-1");
        recordings.append("n-1", "s-1", 0, whole);
        ExecutorService calls = Executors.newFixedThreadPool(2);
        try {
            Future<RecordingInfo> first = calls.submit(() -> recordings.finish("n-1", "s-1", whole.length, true));
            await(storing);
            Future<RecordingInfo> second = calls.submit(() -> recordings.finish("n-1", "s-1", whole.length, true));
            while (recordings.locks.users("s-1") < 2) { // the second waits for the first's lock
                Thread.onSpinWait();
            }
            release.countDown();

            RecordingInfo one = first.get(GUARD_SECONDS, TimeUnit.SECONDS);
            RecordingInfo other = second.get(GUARD_SECONDS, TimeUnit.SECONDS);
            assertThat(other).isEqualTo(one);
        } finally {
            calls.shutdownNow();
        }
        assertThat(stores).hasValue(1);
        assertThat(audited).hasSize(1);
        assertThat(recordings.staged()).isEmpty();
        assertThat(recordings.locks.size()).as("no lock kept for a finished session").isZero();
        try (InputStream in = recordings.open("s-1")) {
            assertThat(gunzip(in.readAllBytes())).isEqualTo(HEADER + EVENTS);
        }
    }

    @Test
    void aFailingSinkKeepsTheStagingAndTheNextTryStoresIt() throws IOException {
        HubRecordings recordings = recordings("node", "file");
        AtomicInteger failures = new AtomicInteger(1);
        recordings.addSink(new MapSink() {
            @Override
            public String store(String sessionId, InputStream gzipped) throws IOException {
                if (failures.getAndDecrement() > 0) {
                    throw new IOException("disk full");
                }
                return super.store(sessionId, gzipped);
            }
        }, FILE_SINK);
        byte[] whole = (HEADER + EVENTS).getBytes(StandardCharsets.UTF_8);
        recordings.receive("n-1", "s-1");
        recordings.append("n-1", "s-1", 0, whole);

        assertThatThrownBy(() -> recordings.finish("n-1", "s-1", whole.length, true)).hasMessage("disk full");
        assertThat(recordings.staged()).singleElement().satisfies(s -> assertThat(s.bytes()).isEqualTo(whole.length));
        assertThat(index.rows).isEmpty();

        assertThat(recordings.receive("n-1", "s-1")).isEqualTo(whole.length);
        assertThat(recordings.finish("n-1", "s-1", whole.length, true).complete()).isTrue();
        try (var files = Files.list(data.resolve("staging"))) {
            assertThat(files).as("no compressed leftovers").isEmpty();
        }
    }

    @Test
    void sinksAreFoundByNameAndAnotherOfTheNameTakesOver() throws IOException {
        HubRecordings recordings = recordings("node", "database");
        MapSink ours = new MapSink();
        MapSink vendors = new MapSink();
        recordings.addSink(sink, FILE_SINK);
        recordings.addSink(ours, Map.of(RecordingSink.NAME, "database", "service.id", 2L));
        recordings.addSink(vendors, Map.of(RecordingSink.NAME, "database", "service.id", 3L, "service.ranking", 10));
        recordings.addSink(new MapSink(), Map.of("service.id", 4L)); // no name: ignored
        byte[] whole = (HEADER + EVENTS).getBytes(StandardCharsets.UTF_8);

        recordings.receive("n-1", "s-1");
        recordings.append("n-1", "s-1", 0, whole);
        assertThat(recordings.finish("n-1", "s-1", whole.length, true).sink()).isEqualTo("database");
        assertThat(vendors.stored).containsOnlyKeys("s-1");
        assertThat(ours.stored).isEmpty();

        recordings.removeSink(vendors, Map.of(RecordingSink.NAME, "database", "service.id", 3L));
        ours.stored.put("s-1", vendors.stored.get("s-1"));
        try (InputStream in = recordings.open("s-1")) {
            assertThat(gunzip(in.readAllBytes())).isEqualTo(HEADER + EVENTS);
        }
        assertThat(sink.stored).isEmpty();
    }

    @Test
    void leftoversOfAHubStoppedWhileCompressingAreRemovedAtStartAndTheStagingStays() throws IOException {
        Path staging = Files.createDirectories(data.resolve("staging"));
        Files.writeString(staging.resolve("s-1.cast"), HEADER);
        Files.writeString(staging.resolve("s-1.node"), "n-1");
        Files.writeString(staging.resolve("s-1.cast.gz.tmp"), "half");

        HubRecordings recordings = recordings("node", "file");

        assertThat(staging.resolve("s-1.cast.gz.tmp")).doesNotExist();
        assertThat(recordings.staged()).singleElement().satisfies(s -> {
            assertThat(s.nodeId()).isEqualTo("n-1");
            assertThat(s.sessionId()).isEqualTo("s-1");
            assertThat(s.bytes()).isEqualTo(HEADER.length());
        });
        assertThat(recordings.receive("n-1", "s-1")).isEqualTo(HEADER.length());
    }

    @Test
    void stagedRecordingsAreReadableByTheHubsUserOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        HubRecordings recordings = recordings("node", "file");

        recordings.receive("n-1", "s-1");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("staging/s-1.cast"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("staging"))))
                .isEqualTo("rwx------");
    }

    @Test
    void configurationNamesWhatIsWrong() {
        assertThat(recordings("node-sync", "database").mode()).isEqualTo(RecordingMode.NODE_SYNC);
        assertThatThrownBy(() -> recordings("always", "file")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recording_mode \"always\" is not one of off, node, node-sync");
        assertThatThrownBy(() -> recordings("node", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sink in etc/org.mezite.recording.cfg is empty");
        assertThatThrownBy(() -> recordings("node", "file").open("nope")).isInstanceOf(NotFoundException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(GUARD_SECONDS, TimeUnit.SECONDS)).as("latch released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        byte[] part = new byte[to - from];
        System.arraycopy(bytes, from, part, 0, part.length);
        return part;
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static RecordingConfig config(String mode, String sinkName) {
        return new RecordingConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RecordingConfig.class;
            }

            @Override
            public String recording__mode() {
                return mode;
            }

            @Override
            public String sink() {
                return sinkName;
            }
        };
    }

    private static class MapSink implements RecordingSink {
        final Map<String, byte[]> stored = new ConcurrentHashMap<>();

        @Override
        public String store(String sessionId, InputStream gzipped) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            gzipped.transferTo(out);
            stored.put(sessionId, out.toByteArray());
            return "map:" + sessionId;
        }

        @Override
        public InputStream open(String sessionId, String location) throws IOException {
            byte[] bytes = stored.get(sessionId);
            if (bytes == null) {
                throw new NoSuchFileException(location);
            }
            return new ByteArrayInputStream(bytes);
        }
    }

    private static final class MapIndex implements RecordingRepository {
        final Map<String, Recording> rows = new ConcurrentHashMap<>();

        @Override
        public Recording put(Recording recording) {
            rows.put(recording.sessionId(), recording);
            return recording;
        }

        @Override
        public Optional<Recording> find(String sessionId) {
            return Optional.ofNullable(rows.get(sessionId));
        }

        @Override
        public List<Recording> listRecent(int limit) {
            return rows.values().stream().sorted(Comparator.comparing(Recording::startedAt).reversed()).limit(limit)
                    .toList();
        }

        @Override
        public boolean delete(String sessionId) {
            return rows.remove(sessionId) != null;
        }
    }
}
