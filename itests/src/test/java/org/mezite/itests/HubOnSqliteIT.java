package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job: a hub on the default SQLite store, started, checked, restarted, as an operator would. */
class HubOnSqliteIT {

    @TempDir
    Path dir;

    @Test
    void startsHealthyOnSqliteAndRestartsWithoutMigratingAgain() throws Exception {
        try (Mezhub hub = Mezhub.install(dir)) {
            String status = hub.startAndAwaitHealthy();
            assertThat(status).contains("Cluster:   mezite", "Services:  auth, proxy",
                    "Database:  sqlite jdbc:sqlite:" + dir.resolve("data/mezite.db"),
                    "auth-grpc", "127.0.0.1:" + hub.authPort, "ACTIVE    org.mezite.store.jpa");
            String schema = HubChecks.schemaVersion(status);
            assertThat(schema).matches("\\d+(\\.\\d+)*");
            HubChecks.assertServing(hub);
            assertThat(hub.output()).as("the hub logs to stdout").contains("org.mezite");

            assertThat(hub.stop()).as("clean exit on SIGTERM").isIn(0, 143);
            int applied = appliedMigrations(dir.resolve("data/mezite.db"));
            assertThat(applied).isPositive();

            String again = hub.startAndAwaitHealthy();
            assertThat(HubChecks.schemaVersion(again)).isEqualTo(schema);
            HubChecks.assertServing(hub);
            hub.stop();
            assertThat(appliedMigrations(dir.resolve("data/mezite.db"))).as("second start applies nothing")
                    .isEqualTo(applied);
        }
    }

    @Test
    void restartingTheStoreBundleKeepsTheHubHealthy() throws Exception {
        try (Mezhub hub = Mezhub.install(dir)) {
            hub.startAndAwaitHealthy();

            Mezhub.ClientResult restart = hub.client("bundle:restart org.mezite.store.jpa");
            assertThat(restart.exitCode()).as(restart.output()).isZero();

            String status = "";
            for (int i = 0; i < 60 && !status.contains("Status:    healthy"); i++) {
                Thread.sleep(500);
                status = hub.client("mezite:status").output();
            }
            assertThat(status).contains("Store:     healthy", "ACTIVE    org.mezite.store.jpa", "Status:    healthy");
            HubChecks.assertServing(hub);
        }
    }

    private static int appliedMigrations(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement()
                        .executeQuery("select count(*) from flyway_schema_history where success = 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
