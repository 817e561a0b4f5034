package org.mezite.hub.internal;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;

import org.mezite.api.hub.HubSettings;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code etc/org.mezite.hub.cfg} and publishes the validated {@link HubSettings} as a service. An invalid file
 * stops the hub when it is starting (operators see the key and the problem instead of a half-working hub); an
 * invalid edit while running is refused and the settings in force are kept.
 */
@Component(configurationPid = HubConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = HubSettingsDefinition.class)
public final class HubConfiguration {

    static final String PID = "org.mezite.hub";
    static final String CONFIG_FILE = "etc/" + PID + ".cfg";
    /** Exit status for a configuration error, as sysexits' EX_CONFIG. */
    static final int EXIT_CONFIG = 78;

    private static final Logger LOG = LoggerFactory.getLogger(HubConfiguration.class);

    private final BundleContext context;
    private final HubSettingsParser parser;
    private final HubAbort abort;
    private ServiceRegistration<HubSettings> registration;
    private HubSettings current;

    @Activate
    public HubConfiguration(BundleContext context, Map<String, Object> properties) {
        this(context, properties, new HubSettingsParser(defaultDataDir(context)), HubAbort.exitJvm());
    }

    HubConfiguration(BundleContext context, Map<String, Object> properties, HubSettingsParser parser,
            HubAbort abort) {
        this.context = context;
        this.parser = parser;
        this.abort = abort;
        try {
            publish(parser.parse(properties));
        } catch (InvalidSettingException e) {
            String message = CONFIG_FILE + ": " + e.getMessage();
            LOG.error("mezhub cannot start: {}", message);
            abort.abort("mezhub: configuration error: " + message, EXIT_CONFIG);
        }
    }

    @Modified
    void modified(Map<String, Object> properties) {
        try {
            HubSettings next = parser.parse(properties);
            if (!next.equals(current)) {
                publish(next);
            }
        } catch (InvalidSettingException e) {
            LOG.error("{}: {}; keeping the settings in force", CONFIG_FILE, e.getMessage());
        }
    }

    @Deactivate
    synchronized void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    private synchronized void publish(HubSettings settings) {
        deactivate();
        current = settings;
        LOG.info("cluster {}: services {}, database {} {}", settings.clusterName(), settings.roles(),
                settings.database().kind().configName(), settings.database().maskedUrl());
        registration = context.registerService(HubSettings.class, settings, new Hashtable<>(Map.of(
                "cluster.name", settings.clusterName(), "database.kind", settings.database().kind().configName())));
    }

    private static Path defaultDataDir(BundleContext context) {
        String data = context.getProperty("karaf.data");
        return Path.of(data != null ? data : "data").toAbsolutePath().normalize();
    }
}
