package org.mezite.store.jpa.internal;

import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;

import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.store.StoreException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jpa.EntityManagerFactoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the configured database when the hub's settings are published: pool, Flyway migration, then the
 * EntityManagerFactory through Aries JPA's builder for unit {@value JpaProperties#UNIT}. Only after all of that
 * succeeded does it register {@link JpaStore}, which the repositories and StoreHealth components wait for; so no
 * repository is ever offered over an unmigrated schema. New settings restart it (static references); deactivation
 * withdraws the store before it closes the EntityManagerFactory and the pool.
 */
@Component(service = {}, immediate = true)
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final OpenDatabase open;
    private final ServiceRegistration<JpaStore> registration;

    @Activate
    public Database(@Reference(name = "settings") HubSettings settings,
            @Reference(name = "entityManagerFactoryBuilder",
                    target = "(" + EntityManagerFactoryBuilder.JPA_UNIT_NAME + "=" + JpaProperties.UNIT + ")")
            EntityManagerFactoryBuilder emfBuilder,
            BundleContext context) {
        DatabaseSettings db = settings.database();
        LOG.info("opening the {} database at {}", db.kind().configName(), db.maskedUrl());
        try {
            open = OpenDatabase.open(db, emfBuilder::createEntityManagerFactory, Clock.systemUTC());
        } catch (StoreException e) {
            LOG.error("the store did not start: {}", e.getMessage());
            throw e;
        }
        SchemaMigrator.Outcome migration = open.migration();
        if (migration.applied() > 0) {
            LOG.info("migrated the schema from version {} to {} ({} scripts)",
                    migration.fromVersion().isEmpty() ? "(empty)" : migration.fromVersion(), migration.toVersion(),
                    migration.applied());
        } else {
            LOG.info("schema is up to date at version {}", migration.toVersion());
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("database.kind", db.kind().configName());
        registration = context.registerService(JpaStore.class, open.store(), properties);
    }

    @Deactivate
    void close() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
        open.close();
        LOG.info("closed the database");
    }
}
