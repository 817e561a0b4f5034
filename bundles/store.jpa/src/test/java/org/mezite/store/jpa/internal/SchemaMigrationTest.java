package org.mezite.store.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.DatabaseStatus;
import org.mezite.api.store.StoreException;
import org.mezite.migrations.MigrationScripts;

class SchemaMigrationTest {

    private static final List<String> TABLES = List.of("users", "roles", "certificate_authorities", "nodes",
            "sessions", "audit_events", "audit_chain", "access_requests", "auth_connectors", "join_tokens", "locks",
            "recordings", "web_sessions", "invite_tokens");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void migratesAnEmptyDatabaseAndThenHasNothingToApply(DatabaseKind kind) throws Exception {
        int scripts = MigrationScripts.of(kind.configName()).size();
        try (TestDatabase database = TestDatabase.create(kind)) {
            try (OpenDatabase first = Stores.open(database.settings())) {
                assertThat(first.migration().fromVersion()).isEmpty();
                assertThat(first.migration().applied()).isEqualTo(scripts);
                assertThat(first.migration().toVersion()).isEqualTo(Integer.toString(scripts));
            }
            assertThat(tables(database)).containsAll(TABLES);

            try (OpenDatabase second = Stores.open(database.settings())) {
                assertThat(second.migration().applied()).isZero();
                assertThat(second.migration().fromVersion()).isEqualTo(Integer.toString(scripts));
                assertThat(second.migration().toVersion()).isEqualTo(Integer.toString(scripts));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void refusesASchemaNewerThanItKnows(DatabaseKind kind) throws Exception {
        int known = MigrationScripts.of(kind.configName()).size();
        try (TestDatabase database = TestDatabase.create(kind)) {
            Stores.open(database.settings()).close();
            // as if a newer Mezite had applied V7 to this database
            database.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success) VALUES (99, '7', 'from the"
                    + " future', 'SQL', 'V7__from_the_future.sql', 1, 'test', CURRENT_TIMESTAMP, 1, TRUE)");

            assertThatThrownBy(() -> Stores.open(database.settings()))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("database schema version 7 is newer than this Mezite (knows up to " + known
                            + "); upgrade Mezite or point database.url at another database");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void healthReportsKindUrlAndSchemaVersion(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind); OpenDatabase open = Stores.open(database.settings())) {
            DatabaseStatus status = new StoreHealthService(open.store()).check();

            assertThat(status.healthy()).isTrue();
            assertThat(status.kind()).isEqualTo(kind.configName());
            assertThat(status.maskedUrl()).isEqualTo(database.settings().maskedUrl());
            assertThat(status.schemaVersion()).isEqualTo(open.migration().toVersion());
            assertThat(status.error()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void healthTurnsUnhealthyOnceThePoolIsClosed(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind)) {
            OpenDatabase open = Stores.open(database.settings());
            open.close();

            DatabaseStatus status = new StoreHealthService(open.store()).check();

            assertThat(status.healthy()).isFalse();
            assertThat(status.error()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void usesTheSqlitePlatformOnlyForSqlite(DatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind); OpenDatabase open = Stores.open(database.settings())) {
            String platform = open.store().read(em -> em.unwrap(org.eclipse.persistence.sessions.Session.class)
                    .getDatasourcePlatform().getClass().getName());
            assertThat(platform).isEqualTo(kind == DatabaseKind.SQLITE ? SQLitePlatform.class.getName()
                    : org.eclipse.persistence.platform.database.PostgreSQLPlatform.class.getName());
        }
    }

    private static List<String> tables(TestDatabase database) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.connect();
                ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                        new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
