package org.mezite.hub.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.mezite.api.hub.BundleState;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.hub.HubStatus;
import org.mezite.api.hub.HubStatus.ListenerInfo;
import org.mezite.api.hub.HubStatusService;
import org.mezite.api.hub.Listener;
import org.mezite.api.store.DatabaseStatus;
import org.mezite.api.store.StoreHealth;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Assembles {@link HubStatus} from the settings in force, the store's health, bound listeners and bundle states. */
@Component
public final class HubStatusReporter implements HubStatusService {

    private final BundleContext context;
    private final HubSettings settings;
    private final Map<Long, Listener> listeners = new ConcurrentHashMap<>();
    private volatile StoreHealth store;

    @Activate
    public HubStatusReporter(BundleContext context, @Reference HubSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindStore(StoreHealth health) {
        store = health;
    }

    void unbindStore(StoreHealth health) {
        if (store == health) {
            store = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(Listener listener, Map<String, Object> properties) {
        listeners.put((Long) properties.get(Constants.SERVICE_ID), listener);
    }

    void unbindListener(Listener listener, Map<String, Object> properties) {
        listeners.remove((Long) properties.get(Constants.SERVICE_ID));
    }

    @Override
    public HubStatus status() {
        StoreHealth health = store;
        DatabaseStatus database = health != null ? health.check()
                : new DatabaseStatus(settings.database().kind().configName(), settings.database().maskedUrl(), "",
                        false, "store not available (is org.mezite.store.jpa active?)");
        List<ListenerInfo> bound = listeners.values().stream()
                .map(l -> new ListenerInfo(l.name(), l.protocol(),
                        l.address().getHostString() + ":" + l.address().getPort()))
                .sorted(Comparator.comparing(ListenerInfo::name))
                .toList();
        List<BundleState> bundles = Stream.of(context.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.mezite."))
                .map(b -> new BundleState(b.getSymbolicName(), b.getVersion().toString(), stateName(b.getState())))
                .sorted(Comparator.comparing(BundleState::symbolicName))
                .toList();
        String version = context.getBundle().getHeaders().get("Mezite-Version");
        return new HubStatus(settings.clusterName(), version != null ? version : context.getBundle().getVersion().toString(), settings.roles(),
                database, bound, bundles);
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
