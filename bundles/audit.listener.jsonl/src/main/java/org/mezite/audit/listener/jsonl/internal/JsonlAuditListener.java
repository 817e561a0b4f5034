package org.mezite.audit.listener.jsonl.internal;

import java.io.IOException;

import org.mezite.api.audit.AuditListener;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.store.AuditEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every stored audit event as a JSON line to a file that rotates by size, for log shippers (Filebeat,
 * Fluent Bit, Vector, ...) to tail. Runs with the defaults when {@code etc/org.mezite.audit.listener.jsonl.cfg} is
 * absent; invalid settings, or a file that cannot be written, stop activation with a message naming the key.
 */
@Component(configurationPid = JsonlSettings.PID, immediate = true, service = AuditListener.class)
@Designate(ocd = JsonlListenerConfig.class)
public final class JsonlAuditListener implements AuditListener {

    private static final Logger LOG = LoggerFactory.getLogger(JsonlAuditListener.class);

    private final JsonlSettings settings;
    private final AuditEventJson json = new AuditEventJson();
    private final RotatingFile out;
    private boolean closed;

    @Activate
    public JsonlAuditListener(JsonlListenerConfig config, @Reference(name = "settings") HubSettings hub) {
        try {
            settings = JsonlSettings.of(config, hub.dataDir());
        } catch (IllegalArgumentException e) {
            LOG.error("audit JSON lines not written: {}", e.getMessage());
            throw e;
        }
        try {
            out = new RotatingFile(settings.file(), settings.maxSize(), settings.maxFiles());
        } catch (IOException e) {
            IllegalArgumentException problem = JsonlSettings.invalid("file", "cannot write " + settings.file()
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            LOG.error("audit JSON lines not written: {}", problem.getMessage());
            throw problem;
        }
        LOG.info("audit events go to {} as JSON lines (max_size {}, max_files {})", settings.file(),
                ByteSizes.format(settings.maxSize()), settings.maxFiles());
    }

    /**
     * Appends the event. Called from the audit log's delivery thread; synchronized only against {@link #close()}.
     *
     * @throws IOException when the line cannot be written; the next event tries again (and reopens the file)
     */
    @Override
    public synchronized void onEvent(AuditEvent event) throws IOException {
        if (closed) {
            throw new IllegalStateException("the JSON lines listener of " + settings.file() + " is stopped");
        }
        out.append(json.line(event));
    }

    @Deactivate
    synchronized void close() throws IOException {
        closed = true;
        out.close();
    }

    @Override
    public String toString() {
        return "JsonlAuditListener[" + settings.file() + "]";
    }
}
