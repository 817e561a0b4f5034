package org.mezite.store.jpa.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;

/**
 * An empty database for one test class: a SQLite file in a temporary directory, or a schema of its own in the
 * PostgreSQL test database (so that concurrent runs never meet). Closing removes it.
 * <p>
 * PostgreSQL is expected at {@code jdbc:postgresql://127.0.0.1:5432/test} as user {@code postgres} with trust
 * authentication (CI starts it); {@code -Dmezite.test.pg.url} and {@code -Dmezite.test.pg.user} override that. When it
 * is not reachable the tests fail: they are never skipped.
 */
public final class TestDatabase implements AutoCloseable {

    static final String PG_URL = System.getProperty("mezite.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("mezite.test.pg.user", "postgres");

    private final DatabaseSettings settings;
    private final Path sqliteDir;
    private final String pgSchema;

    private TestDatabase(DatabaseSettings settings, Path sqliteDir, String pgSchema) {
        this.settings = settings;
        this.sqliteDir = sqliteDir;
        this.pgSchema = pgSchema;
    }

    public static TestDatabase create(DatabaseKind kind) {
        return kind == DatabaseKind.SQLITE ? sqlite() : postgresql();
    }

    private static TestDatabase sqlite() {
        try {
            Path dir = Files.createTempDirectory("mezite-store-test");
            // a directory that does not exist yet: the store must create it
            Path file = dir.resolve("data").resolve("mezite.db");
            return new TestDatabase(new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite:" + file, "", "", 4), dir,
                    null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory for SQLite", e);
        }
    }

    private static TestDatabase postgresql() {
        String schema = "mezite_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + PG_URL + " as user " + PG_USER
                    + " (start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start): "
                    + e.getMessage(), e);
        }
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(new DatabaseSettings(DatabaseKind.POSTGRESQL, url, PG_USER, "", 4), null, schema);
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** A plain JDBC connection to this database, outside the store's pool. */
    public Connection connect() throws SQLException {
        return settings.kind() == DatabaseKind.SQLITE ? DriverManager.getConnection(settings.url())
                : DriverManager.getConnection(settings.url(), PG_USER, "");
    }

    /** Runs SQL statements outside the store, e.g. to tamper with rows the store would never change. */
    public void execute(String... sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (pgSchema != null) {
            try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + pgSchema + " CASCADE");
            }
        }
        if (sqliteDir != null) {
            try (Stream<Path> files = Files.walk(sqliteDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
