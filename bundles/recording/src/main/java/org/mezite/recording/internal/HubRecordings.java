package org.mezite.recording.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.recording.RecordingInfo;
import org.mezite.api.recording.RecordingMode;
import org.mezite.api.recording.RecordingSink;
import org.mezite.api.recording.RecordingSinkUnavailableException;
import org.mezite.api.recording.Recordings;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Recording;
import org.mezite.api.store.RecordingRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's recordings. Agents' bytes are staged under {@code DATA_DIR/recordings/staging} until the recording ends;
 * then it is compressed, handed to the configured sink, indexed and audited, and the staging goes. While the sink is
 * not installed (its feature uninstalled, a vendor's bundle restarting) nothing is lost: the staging stays, the agent
 * hears UNAVAILABLE, keeps its spool and tries again. Calls for one session run one after the other.
 */
@Component(service = Recordings.class, configurationPid = HubRecordings.PID)
@Designate(ocd = RecordingConfig.class)
public final class HubRecordings implements Recordings {

    static final String PID = "org.mezite.recording";

    /** A header longer than this is not one an agent writes: refused before more of the recording is taken. */
    static final int HEADER_LIMIT = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HubRecordings.class);

    private final RecordingRepository index;
    private final AuditRecorder audit;
    private final Staging staging;
    private final Clock clock;
    private final SinkRegistry sinks = new SinkRegistry();
    final SessionLocks locks = new SessionLocks();
    /** Sessions whose staged header has been read and found to be theirs; only a hint, rebuilt after a restart. */
    private final Set<String> headerChecked = ConcurrentHashMap.newKeySet();
    private volatile RecordingMode mode;
    private volatile String sinkName;

    @Activate
    public HubRecordings(@Reference(name = "settings") HubSettings settings,
            @Reference(name = "index") RecordingRepository index, @Reference(name = "audit") AuditRecorder audit,
            RecordingConfig config) {
        this(settings.dataDir().resolve("recordings"), index, audit, Clock.systemUTC(), config);
    }

    /** @param directory {@code DATA_DIR/recordings}: {@code staging} and {@code rejected} go in it */
    HubRecordings(Path directory, RecordingRepository index, AuditRecorder audit, Clock clock,
            RecordingConfig config) {
        this.index = index;
        this.audit = audit;
        this.staging = new Staging(directory.resolve("staging"), directory.resolve("rejected"));
        this.clock = clock;
        configure(config);
        try {
            staging.removeLeftovers();
        } catch (IOException e) {
            LOG.warn("cannot clean up {}: {}", staging.directory(), e.toString());
        }
    }

    /**
     * A new configuration applies at once (agents hear a new mode with their next policy). An invalid one fails
     * activation; when the file is edited while the hub runs, DS logs the refusal and the settings in force stay.
     */
    @Modified
    void configure(RecordingConfig config) {
        RecordingMode parsed = RecordingMode.parse(config.recording__mode());
        String sink = config.sink() == null ? "" : config.sink().trim();
        if (sink.isEmpty()) {
            throw new IllegalArgumentException("sink in etc/" + PID + ".cfg is empty: name a recording sink, e.g. file");
        }
        mode = parsed;
        sinkName = sink;
        LOG.info("recording mode {}, recordings go to the sink \"{}\"", parsed.text(), sink);
    }

    @Reference(name = "sink", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSink(RecordingSink sink, Map<String, Object> properties) {
        String name = sinks.add(sink, properties);
        if (name == null) {
            LOG.warn("a recording sink without the service property {} is ignored: {}", RecordingSink.NAME,
                    sink.getClass().getName());
        } else {
            LOG.info("recording sink \"{}\" is available", name);
        }
    }

    void removeSink(RecordingSink sink, Map<String, Object> properties) {
        String name = sinks.remove(properties);
        if (name != null) {
            LOG.info("recording sink \"{}\" is gone{}", name, sinks.named(name).isPresent() ? ", another of that"
                    + " name takes over" : "; recordings wait on the agents until it is back");
        }
    }

    @Override
    public RecordingMode mode() {
        return mode;
    }

    @Override
    public long receive(String nodeId, String sessionId) throws IOException {
        SessionIds.require(sessionId);
        return locks.with(sessionId, () -> {
            if (!staging.holds(sessionId)) {
                requireNotAnotherNodes(nodeId, sessionId);
            }
            return staging.open(nodeId, sessionId);
        });
    }

    /**
     * A recording stored already is sent again only by its node (an agent that missed Auth's answer): no node may
     * replace another node's recording. The index does not keep node ids, so the stored header tells; this reads
     * one line, and only for recordings that are sent twice.
     */
    private void requireNotAnotherNodes(String nodeId, String sessionId) throws IOException {
        Optional<Recording> stored = index.find(sessionId);
        if (stored.isEmpty()) {
            return;
        }
        RecordingSink sink = sinks.named(stored.get().sink()).orElseThrow(() -> new RecordingSinkUnavailableException(
                "the recording of session " + sessionId + " is stored already, in the sink \"" + stored.get().sink()
                        + "\", which is not installed"));
        String storedBy;
        try (InputStream in = sink.open(sessionId, stored.get().location())) {
            storedBy = CastHeader.firstLine(new GZIPInputStream(in)).map(CastHeader::parse).map(CastHeader::nodeId)
                    .orElse(null);
        } catch (NoSuchFileException e) {
            return; // indexed, but gone from the sink: nothing to protect
        } catch (IllegalArgumentException e) {
            storedBy = null;
        }
        if (storedBy == null || !storedBy.equals(nodeId)) {
            throw new SecurityException("the recording of session " + sessionId + " is stored already, sent by "
                    + (storedBy == null ? "an unknown node" : "another node"));
        }
    }

    @Override
    public void append(String nodeId, String sessionId, long offset, byte[] data) throws IOException {
        SessionIds.require(sessionId);
        locks.with(sessionId, () -> {
            long held = staging.append(nodeId, sessionId, offset, data);
            if (offset < HEADER_LIMIT && !headerChecked.contains(sessionId)) {
                checkHeader(nodeId, sessionId, held);
            }
            return null;
        });
    }

    /** Refuses a recording as soon as its header shows it is not the sending node's recording of that session. */
    private void checkHeader(String nodeId, String sessionId, long held) throws IOException {
        Optional<String> line = staging.firstLine(sessionId);
        try {
            if (line.isPresent()) {
                CastHeader.parse(line.get()).requireOf(nodeId, sessionId);
                headerChecked.add(sessionId);
            } else if (held >= HEADER_LIMIT) {
                throw new IllegalArgumentException("the recording's first " + HEADER_LIMIT
                        + " bytes hold no asciicast header line");
            }
        } catch (IllegalArgumentException e) {
            reject(nodeId, sessionId, e);
            throw e;
        }
    }

    @Override
    public RecordingInfo finish(String nodeId, String sessionId, long size, boolean complete) throws IOException {
        SessionIds.require(sessionId);
        return locks.with(sessionId, () -> {
            if (!staging.holds(sessionId)) {
                // another call of the same upload (an agent's retry racing its first attempt) stored it meanwhile
                Optional<Recording> stored = index.find(sessionId);
                if (stored.isPresent()) {
                    return info(stored.get());
                }
                throw new IllegalStateException("the recording of session " + sessionId + " is not being received");
            }
            staging.requireOwner(nodeId, sessionId);
            long held = staging.size(sessionId);
            if (held != size) {
                throw new IllegalStateException("the recording of session " + sessionId + " is " + size
                        + " bytes, Auth holds " + held);
            }
            String name = sinkName;
            RecordingSink sink = sinks.named(name).orElseThrow(() -> new RecordingSinkUnavailableException(
                    "no recording sink \"" + name + "\" is installed (e.g. feature mezite-recording-sink-" + name
                            + "); the recording waits on the agent"));
            Recording stored = store(nodeId, sessionId, size, complete, name, sink);
            staging.remove(sessionId);
            headerChecked.remove(sessionId);
            audit(stored, size);
            LOG.info("stored the {}recording of session {} ({} bytes, {} compressed) in sink \"{}\"",
                    complete ? "" : "incomplete ", sessionId, size, stored.sizeBytes(), name);
            return info(stored);
        });
    }

    /** Compresses the staged recording beside it, hands it to the sink and indexes it. */
    private Recording store(String nodeId, String sessionId, long size, boolean complete, String name,
            RecordingSink sink) throws IOException {
        Path packed = staging.packed(sessionId);
        try {
            CastSummary summary;
            try (InputStream in = Files.newInputStream(staging.cast(sessionId));
                    OutputStream out = new GZIPOutputStream(Files.newOutputStream(OwnerOnly.newFile(packed)),
                            64 * 1024)) {
                summary = CastSummary.copy(in, out);
                summary.header().requireOf(nodeId, sessionId);
            } catch (IllegalArgumentException e) {
                reject(nodeId, sessionId, e);
                throw e;
            }
            String location;
            try (InputStream gzipped = Files.newInputStream(packed)) {
                location = sink.store(sessionId, gzipped);
            }
            CastHeader header = summary.header();
            return index.put(new Recording(sessionId, header.username(), header.login(), header.nodeName(),
                    header.startedAt(), header.startedAt().plus(summary.duration()), complete, name, location,
                    Files.size(packed), clock.instant()));
        } finally {
            Files.deleteIfExists(packed);
        }
    }

    /** A recording that will never be valid leaves the staging (the agent moves its spool aside as well). */
    private void reject(String nodeId, String sessionId, IllegalArgumentException reason) {
        headerChecked.remove(sessionId);
        String where;
        try {
            where = staging.reject(sessionId).toString();
        } catch (IOException e) {
            where = "nowhere (" + e + "), it stays in " + staging.directory();
        }
        LOG.warn("refused the recording of session {} from node {}: {}; moved to {}", sessionId, nodeId,
                reason.getMessage(), where);
        try {
            audit.record(NewAuditEvent.builder("recording.upload", "failure").sessionId(sessionId)
                    .metadata(new AuditDetails().put("node_id", nodeId).put("reason", reason.getMessage())
                            .toString())
                    .build());
        } catch (RuntimeException e) {
            LOG.warn("cannot audit the refused recording of session {}: {}", sessionId, e.toString());
        }
    }

    private void audit(Recording stored, long size) {
        try {
            audit.record(NewAuditEvent.builder("recording.upload", "success").username(stored.username())
                    .login(stored.login()).node(stored.nodeName()).sessionId(stored.sessionId())
                    .metadata(new AuditDetails().put("bytes", size).put("stored_bytes", stored.sizeBytes())
                            .put("complete", stored.complete()).put("sink", stored.sink()).toString())
                    .build());
        } catch (RuntimeException e) {
            // the recording is stored and indexed: failing the upload now would only make the agent send it again
            LOG.warn("cannot audit the upload of the recording of session {}: {}", stored.sessionId(), e.toString());
        }
    }

    @Override
    public List<RecordingInfo> list(int limit) {
        return index.listRecent(limit).stream().map(HubRecordings::info).toList();
    }

    @Override
    public Optional<RecordingInfo> find(String sessionId) {
        return index.find(sessionId).map(HubRecordings::info);
    }

    @Override
    public InputStream open(String sessionId) throws IOException {
        Recording recording = index.find(sessionId)
                .orElseThrow(() -> new NotFoundException("no recording of session " + sessionId));
        RecordingSink sink = sinks.named(recording.sink()).orElseThrow(() -> new RecordingSinkUnavailableException(
                "the recording of session " + sessionId + " is in the sink \"" + recording.sink()
                        + "\", which is not installed"));
        return sink.open(sessionId, recording.location());
    }

    @Override
    public List<Staged> staged() {
        return staging.list();
    }

    private static RecordingInfo info(Recording r) {
        return new RecordingInfo(r.sessionId(), r.username(), r.login(), r.nodeName(), r.startedAt(),
                Duration.between(r.startedAt(), r.endedAt()), r.complete(), r.sizeBytes(), r.sink(), r.storedAt());
    }
}
