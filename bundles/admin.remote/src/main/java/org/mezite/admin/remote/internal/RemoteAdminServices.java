package org.mezite.admin.remote.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import org.mezite.api.admin.CaAdmin;
import org.mezite.api.admin.LockAdmin;
import org.mezite.api.admin.NodeAdmin;
import org.mezite.api.admin.RoleAdmin;
import org.mezite.api.admin.SessionAdmin;
import org.mezite.api.admin.TokenAdmin;
import org.mezite.api.admin.UserAdmin;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrative API on a hub without the Auth role: when {@code etc/org.mezite.admin.remote.cfg} names the Auth
 * server, registers the seven {@code org.mezite.api.admin} services, each calling the Auth server's
 * {@code AdminService}, so that the {@code mezite:*} console works here as on the Auth hub. A hub that runs Auth
 * itself registers nothing (its own admin services answer), whatever the file says.
 */
@Component(configurationPid = RemoteAdminSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = RemoteAdminConfig.class)
public final class RemoteAdminServices {

    /** Service property on every remote admin service: the Auth server's address. */
    static final String REMOTE_PROPERTY = "mezite.admin.remote";
    /**
     * Above the default 0 of local admin services: when this file names an Auth server, the console uses it, even
     * if this hub's store would let the admin bundle answer here too.
     */
    static final int RANKING = 100;
    static final List<Class<?>> APIS = List.of(UserAdmin.class, RoleAdmin.class, TokenAdmin.class, NodeAdmin.class,
            SessionAdmin.class, LockAdmin.class, CaAdmin.class);

    private static final Logger LOG = LoggerFactory.getLogger(RemoteAdminServices.class);

    private final AuthConnection auth;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public RemoteAdminServices(BundleContext context, @Reference(name = "settings") HubSettings settings,
            RemoteAdminConfig config) {
        this(context, settings, config, home(context), Clock.systemUTC());
    }

    RemoteAdminServices(BundleContext context, HubSettings settings, RemoteAdminConfig config, Path home,
            Clock clock) {
        if (settings.runs(HubRole.AUTH)) {
            LOG.info("remote admin API not started: this hub runs Auth, whose admin services answer here");
            auth = null;
            return;
        }
        Optional<RemoteAdminSettings> remote = RemoteAdminSettings.of(config, home);
        if (remote.isEmpty()) {
            LOG.info("remote admin API not started: {} names no auth_address", RemoteAdminSettings.CONFIG_FILE);
            auth = null;
            return;
        }
        auth = new AuthConnection(remote.get(), clock);
        try {
            for (Class<?> api : APIS) {
                register(context, api, remote.get().address());
            }
        } catch (RuntimeException e) {
            deactivate();
            throw e;
        }
        LOG.info("remote admin API: the mezite:* console calls the Auth server at {} as {} (certificate valid until"
                + " {})", remote.get().address(), auth.identity().subject(),
                auth.identity().certificate().getNotAfter().toInstant());
    }

    private <T> void register(BundleContext context, Class<T> api, String address) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(REMOTE_PROPERTY, address);
        properties.put(Constants.SERVICE_RANKING, RANKING);
        registrations.add(context.registerService(api, RemoteAdminHandler.proxy(api, auth), properties));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registrations.clear();
        if (auth != null) {
            auth.close();
        }
    }

    private static Path home(BundleContext context) {
        String home = context.getProperty("karaf.home");
        return Path.of(home != null ? home : "").toAbsolutePath().normalize();
    }
}
