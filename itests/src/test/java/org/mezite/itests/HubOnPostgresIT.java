package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same hub switched to PostgreSQL by configuration (CI starts PostgreSQL on 127.0.0.1:5432). */
class HubOnPostgresIT {

    private static final String ADMIN_URL = System.getProperty("mezite.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("mezite.pg.user", "postgres");

    @TempDir
    Path dir;

    private final String database = "mezite_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeEach
    void createDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, PG_USER, "")) {
            c.createStatement().execute("create database " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, PG_USER, "")) {
            c.createStatement().execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void startsHealthyOnPostgresqlAndRestartsWithoutMigratingAgain() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/" + database;
        try (Mezhub hub = Mezhub.install(dir)) {
            hub.configure(Map.of("database.kind", "postgresql", "database.url", url, "database.user", PG_USER,
                    "database.password", "not-shown-anywhere"));

            String status = hub.startAndAwaitHealthy();
            assertThat(status).contains("Database:  postgresql " + url, "Store:     healthy", "auth-grpc")
                    .doesNotContain("not-shown-anywhere");
            String schema = HubChecks.schemaVersion(status);
            assertThat(schema).matches("\\d+(\\.\\d+)*");
            HubChecks.assertServing(hub);
            hub.stop();
            int applied = appliedMigrations(url);
            assertThat(applied).isPositive();

            String again = hub.startAndAwaitHealthy();
            assertThat(HubChecks.schemaVersion(again)).isEqualTo(schema);
            hub.stop();
            assertThat(appliedMigrations(url)).as("second start applies nothing").isEqualTo(applied);
            assertThat(hub.output()).doesNotContain("not-shown-anywhere");
        }
    }

    private static int appliedMigrations(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, PG_USER, "");
                ResultSet rs = c.createStatement()
                        .executeQuery("select count(*) from flyway_schema_history where success")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
