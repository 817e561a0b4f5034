package org.mezite.store.jpa.internal;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManagerFactory;

import org.mezite.api.hub.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The store while it is open: the pool, the migrated schema and the EntityManagerFactory over them. Opening goes
 * strictly in that order and undoes what it did when a step fails; closing goes in reverse. The same code runs in
 * OSGi (EMF from Aries JPA's EntityManagerFactoryBuilder) and in plain-JVM tests (EMF from EclipseLink directly).
 */
public final class OpenDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenDatabase.class);

    private final HikariDataSource pool;
    private final EntityManagerFactory emf;
    private final SchemaMigrator.Outcome migration;
    private final JpaStore store;

    private OpenDatabase(HikariDataSource pool, EntityManagerFactory emf, SchemaMigrator.Outcome migration,
            JpaStore store) {
        this.pool = pool;
        this.emf = emf;
        this.migration = migration;
        this.store = store;
    }

    /**
     * Connects, migrates and creates the EntityManagerFactory.
     *
     * @param emfFactory creates the factory of unit {@value JpaProperties#UNIT} from the given properties
     * @throws org.mezite.api.store.StoreException when the database cannot be reached, migrated or mapped
     */
    public static OpenDatabase open(DatabaseSettings settings,
            Function<Map<String, Object>, EntityManagerFactory> emfFactory, Clock clock) {
        HikariDataSource pool = ConnectionPools.open(settings);
        EntityManagerFactory emf = null;
        try {
            SchemaMigrator.Outcome migration = new SchemaMigrator(pool, settings).migrate();
            emf = emfFactory.apply(JpaProperties.of(settings.kind(), pool));
            // EclipseLink deploys the unit on first use; do it now so that mapping errors stop the start.
            emf.createEntityManager().close();
            return new OpenDatabase(pool, emf, migration, new JpaStore(emf, pool, settings, clock));
        } catch (RuntimeException e) {
            closeQuietly(emf);
            pool.close();
            throw e;
        }
    }

    public JpaStore store() {
        return store;
    }

    public SchemaMigrator.Outcome migration() {
        return migration;
    }

    @Override
    public void close() {
        closeQuietly(emf);
        pool.close();
    }

    private static void closeQuietly(EntityManagerFactory emf) {
        if (emf == null) {
            return;
        }
        try {
            emf.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the EntityManagerFactory failed: {}", e.toString());
        }
    }
}
