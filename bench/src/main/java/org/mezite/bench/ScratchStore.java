package org.mezite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import javax.persistence.EntityManagerFactory;

import org.eclipse.persistence.jpa.PersistenceProvider;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.store.jpa.internal.JpaProperties;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.OpenDatabase;

/**
 * The hub's store on an empty database made for one benchmark run, opened as the store bundle opens it (Hikari pool,
 * Flyway migration, EclipseLink), except that EclipseLink's provider creates the EntityManagerFactory directly instead
 * of Aries JPA; the store bundle's own tests do the same. PostgreSQL gets a schema of its own in an existing database
 * (dropped on close), SQLite a file in a temporary directory (deleted on close).
 * <p>
 * PostgreSQL is expected at {@code jdbc:postgresql://127.0.0.1:5432/test} as user {@code postgres} without a password;
 * {@code -Dmezite.bench.pg.url}, {@code -Dmezite.bench.pg.user} and {@code -Dmezite.bench.pg.password} override that.
 */
final class ScratchStore implements AutoCloseable {

    static final String PG_URL = System.getProperty("mezite.bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("mezite.bench.pg.user", "postgres");
    static final String PG_PASSWORD = System.getProperty("mezite.bench.pg.password", "");
    /** The hub's default pool size (database.pool_size), more than the benchmark's threads. */
    static final int POOL_SIZE = 10;

    private final OpenDatabase open;
    private final Path sqliteDir;
    private final String pgSchema;

    private ScratchStore(OpenDatabase open, Path sqliteDir, String pgSchema) {
        this.open = open;
        this.sqliteDir = sqliteDir;
        this.pgSchema = pgSchema;
    }

    static ScratchStore create(DatabaseKind kind) {
        return kind == DatabaseKind.SQLITE ? sqlite() : postgresql();
    }

    JpaStore store() {
        return open.store();
    }

    private static ScratchStore sqlite() {
        Path dir;
        try {
            dir = Files.createTempDirectory("mezite-bench-audit");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory for SQLite: " + e.getMessage(), e);
        }
        DatabaseSettings settings = new DatabaseSettings(DatabaseKind.SQLITE,
                "jdbc:sqlite:" + dir.resolve("mezite.db"), "", "", POOL_SIZE);
        try {
            return new ScratchStore(open(settings), dir, null);
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    private static ScratchStore postgresql() {
        String schema = "mezite_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute("CREATE SCHEMA " + schema);
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            return new ScratchStore(open(new DatabaseSettings(DatabaseKind.POSTGRESQL, url, PG_USER, PG_PASSWORD,
                    POOL_SIZE)), null, schema);
        } catch (RuntimeException e) {
            execute("DROP SCHEMA " + schema + " CASCADE");
            throw e;
        }
    }

    private static OpenDatabase open(DatabaseSettings settings) {
        return OpenDatabase.open(settings, ScratchStore::createEmf, Clock.systemUTC());
    }

    private static EntityManagerFactory createEmf(Map<String, Object> properties) {
        EntityManagerFactory emf = new PersistenceProvider().createEntityManagerFactory(JpaProperties.UNIT, properties);
        if (emf == null) {
            throw new IllegalStateException("EclipseLink found no persistence unit " + JpaProperties.UNIT
                    + " (is org.mezite.store.jpa, with its META-INF/persistence.xml, on the class path?)");
        }
        return emf;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_URL + " as user " + PG_USER + ": " + sql
                    + " failed (start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            open.close();
        } finally {
            if (pgSchema != null) {
                execute("DROP SCHEMA " + pgSchema + " CASCADE");
            }
            if (sqliteDir != null) {
                deleteTree(sqliteDir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
