package org.mezite.store.jpa.internal;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import javax.persistence.EntityManagerFactory;

import org.eclipse.persistence.jpa.PersistenceProvider;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;

/**
 * The store on SQLite and on PostgreSQL for one test class, opened on first use exactly as the OSGi component opens
 * it (pool, Flyway, EntityManagerFactory), except that EclipseLink's provider creates the factory directly instead of
 * Aries JPA. Register it with {@code @RegisterExtension static final Stores STORES = new Stores();}.
 */
public final class Stores implements AfterAllCallback {

    private final Map<DatabaseKind, TestDatabase> databases = new EnumMap<>(DatabaseKind.class);
    private final Map<DatabaseKind, OpenDatabase> open = new EnumMap<>(DatabaseKind.class);

    /** Creates EntityManagerFactories the plain-JVM way, from the same persistence unit. */
    public static EntityManagerFactory createEmf(Map<String, Object> properties) {
        EntityManagerFactory emf = new PersistenceProvider().createEntityManagerFactory(JpaProperties.UNIT, properties);
        if (emf == null) {
            throw new IllegalStateException("EclipseLink found no persistence unit " + JpaProperties.UNIT);
        }
        return emf;
    }

    /** Opens a store over the given settings as Database does. */
    public static OpenDatabase open(DatabaseSettings settings) {
        return OpenDatabase.open(settings, Stores::createEmf, Clock.systemUTC());
    }

    public synchronized JpaStore store(DatabaseKind kind) {
        return open.computeIfAbsent(kind, k -> open(database(k).settings())).store();
    }

    public synchronized TestDatabase database(DatabaseKind kind) {
        return databases.computeIfAbsent(kind, TestDatabase::create);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        open.values().forEach(OpenDatabase::close);
        open.clear();
        for (TestDatabase database : databases.values()) {
            database.close();
        }
        databases.clear();
    }
}
