package org.mezite.store.jpa.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.sql.DataSource;

import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.store.StoreException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Opens the HikariCP pool for the configured database. The driver's own DataSource is handed to Hikari, so no driver
 * class is looked up by name (which would not work across bundles). Opening fails at once when the database cannot be
 * reached, with a message that shows the URL masked and never the password.
 */
public final class ConnectionPools {

    /** How long a writer waits for SQLite's write lock before giving up. */
    static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;
    /** How long a caller waits for a free connection. */
    static final long CONNECTION_TIMEOUT_MILLIS = 10_000;

    private ConnectionPools() {
    }

    public static HikariDataSource open(DatabaseSettings db) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("mezite-" + db.kind().configName());
        config.setMaximumPoolSize(db.poolSize());
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setDataSource(db.kind() == DatabaseKind.SQLITE ? sqlite(db) : postgresql(db));
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the " + db.kind().configName() + " database at "
                    + db.maskedUrl() + (db.user().isEmpty() ? "" : " as user " + db.user()) + ": "
                    + SqlErrors.describe(e), e);
        }
    }

    private static DataSource sqlite(DatabaseSettings db) {
        Optional<Path> file = sqliteFile(db.url());
        if (file.isPresent() && file.get().toAbsolutePath().getParent() != null) {
            Path dir = file.get().toAbsolutePath().getParent();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new StoreException("cannot create the directory " + dir + " for the SQLite database "
                        + db.maskedUrl() + ": " + e.getMessage(), e);
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        // WAL lets readers go on while one writer writes; writers queue for up to the busy timeout, and IMMEDIATE
        // transactions take the write lock at BEGIN, so a transaction never fails upgrading a read lock.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(db.url());
        return dataSource;
    }

    private static DataSource postgresql(DatabaseSettings db) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.url());
        if (!db.user().isEmpty()) {
            dataSource.setUser(db.user());
        }
        if (!db.password().isEmpty()) {
            dataSource.setPassword(db.password());
        }
        dataSource.setApplicationName("mezite");
        return dataSource;
    }

    /** The database file a SQLite URL names, or empty for an in-memory database. */
    static Optional<Path> sqliteFile(String url) {
        String rest = url.startsWith("jdbc:sqlite:") ? url.substring("jdbc:sqlite:".length()) : url;
        int query = rest.indexOf('?');
        if (query >= 0) {
            if (rest.substring(query).contains("mode=memory")) {
                return Optional.empty();
            }
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
            if (rest.startsWith("//")) {
                rest = rest.substring(2);
            }
        }
        if (rest.isEmpty() || rest.equals(":memory:") || rest.startsWith(":resource:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(rest));
    }
}
