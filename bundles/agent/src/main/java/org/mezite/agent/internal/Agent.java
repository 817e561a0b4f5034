package org.mezite.agent.internal;

import java.time.Duration;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent as a whole, for now: takes the settings mezd hands over and, when a hub is configured, watches it.
 * Joining, the tunnel and the SSH server will hang off this component.
 */
@Component(immediate = true)
public final class Agent {

    static final Duration HUB_CHECK_PERIOD = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final AgentSettings settings;
    private final HubMonitor hubMonitor;

    @Activate
    public Agent(BundleContext context) {
        settings = AgentSettings.from(context::getProperty);
        LOG.info("mezd agent {} started: version {}, hub {}, labels {}, data dir {}", settings.nodeName(),
                version(context.getBundle().getVersion()),
                settings.hub().map(HostPort::toString).orElse("(none)"),
                settings.labels().isEmpty() ? "(none)" : settings.labels().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")),
                settings.dataDir());
        hubMonitor = settings.hub().map(hub -> HubMonitor.start(hub, HUB_CHECK_PERIOD, HubMonitor::log))
                .orElse(null);
    }

    @Deactivate
    void deactivate() {
        if (hubMonitor != null) {
            hubMonitor.close();
        }
        LOG.info("mezd agent {} stopped", settings.nodeName());
    }

    /** {@code 0.1.0-SNAPSHOT} rather than OSGi's {@code 0.1.0.SNAPSHOT}. */
    private static String version(Version version) {
        String base = version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
        return version.getQualifier().isEmpty() ? base : base + "-" + version.getQualifier();
    }
}
