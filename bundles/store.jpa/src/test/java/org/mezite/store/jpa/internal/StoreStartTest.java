package org.mezite.store.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.store.StoreException;

class StoreStartTest {

    @Test
    void unreachablePostgresqlIsNamedWithoutThePassword() {
        DatabaseSettings settings = new DatabaseSettings(DatabaseKind.POSTGRESQL,
                "jdbc:postgresql://127.0.0.1:1/mezite?password=hunter2", "mezite", "s3cret", 2);

        assertThatThrownBy(() -> Stores.open(settings))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot connect to the postgresql database at "
                        + "jdbc:postgresql://127.0.0.1:1/mezite?password=**** as user mezite: ")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void createsTheDirectoryOfTheSqliteFile(@TempDir Path dir) {
        Path file = dir.resolve("a").resolve("b").resolve("mezite.db");
        DatabaseSettings settings = new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite:" + file, "", "", 2);

        Stores.open(settings).close();

        assertThat(file).exists();
    }

    @Test
    void findsTheFileOfSqliteUrls() {
        assertThat(ConnectionPools.sqliteFile("jdbc:sqlite:/var/lib/mezite/mezite.db"))
                .contains(Path.of("/var/lib/mezite/mezite.db"));
        assertThat(ConnectionPools.sqliteFile("jdbc:sqlite:file:/data/m.db?cache=shared")).contains(Path.of("/data/m.db"));
        assertThat(ConnectionPools.sqliteFile("jdbc:sqlite:relative/m.db")).contains(Path.of("relative/m.db"));
        assertThat(ConnectionPools.sqliteFile("jdbc:sqlite::memory:")).isEmpty();
        assertThat(ConnectionPools.sqliteFile("jdbc:sqlite:file:x?mode=memory")).isEmpty();
    }
}
