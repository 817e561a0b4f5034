package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The join scenarios of {@link JoinIT} again, with the hub's state in PostgreSQL (a fresh database per run). */
class JoinOnPostgresIT extends JoinScenarios {

    private static final String ADMIN_URL = System.getProperty("mezite.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("mezite.pg.user", "postgres");
    private static final String DATABASE = "mezite_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeAll
    static void startHub() throws Exception {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, PG_USER, "")) {
            admin.createStatement().execute("create database " + DATABASE);
        }
        hub = Mezhub.install(hubDir);
        hub.configure(Map.of("database.kind", "postgresql", "database.url",
                "jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "database.user", PG_USER));
        String status = hub.startAndAwaitHealthy();
        assertThat(status).contains("Database:  postgresql jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
    }

    @AfterAll
    static void stopHub() throws Exception {
        try {
            if (hub != null) {
                hub.close();
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(ADMIN_URL, PG_USER, "")) {
                admin.createStatement().execute("drop database if exists " + DATABASE + " with (force)");
            }
        }
    }
}
