package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log of a scripted day, on both stores: a user logs in with msh, runs a command over msh ssh, copies a
 * file with stock scp (legacy SCP protocol, through {@code msh config}) and with msh scp (SFTP), and logs out; the
 * console's {@code mezite:audit-search} then shows every step under the user's name. The log is append-only where it
 * is kept: PostgreSQL refuses a direct {@code UPDATE} or {@code DELETE} on {@code audit_events}, and a row changed in
 * the SQLite file behind the hub's back is found by {@code mezite:audit-verify}, which names the event.
 */
class AuditIT {

    private static final String LOGIN = "mezite-audit";
    private static final String PG_ADMIN_URL = System.getProperty("mezite.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("mezite.pg.user", "postgres");
    /** What the scripted day must leave in the log, under the user's name. */
    private static final List<String> EVENT_TYPES = List.of("user.login", "cert.create", "session.start", "exec",
            "scp", "sftp", "session.end");

    @TempDir
    Path dir;

    @BeforeAll
    static void aUnixLogin() throws Exception {
        Commands.ensureUnixUser(LOGIN);
    }

    @AfterAll
    static void removeTheUnixLogin() throws Exception {
        Commands.removeUnixUser(LOGIN);
    }

    @Test
    void onSqliteATamperedRowIsFoundByAuditVerify() throws Exception {
        try (Mezhub hub = Mezhub.install(dir.resolve("hub")); Agents agents = new Agents(hub, dir)) {
            hub.startAndAwaitHealthy();
            aScriptedDay(hub, agents);

            String intact = ok(hub, "mezite:audit-verify");
            assertThat(intact).containsPattern("audit chain intact: [1-9][0-9]* events checked");

            assertThat(hub.stop()).isZero();
            long tampered;
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + hub.dataDir().resolve("mezite.db"));
                    Statement sql = db.createStatement()) {
                tampered = single(sql, "select min(id) from audit_events where event_type = 'exec'"
                        + " and username = 'alice'");
                // what someone with the database file can do: the trigger only keeps honest code out
                sql.execute("drop trigger audit_events_no_update");
                assertThat(sql.executeUpdate("update audit_events set metadata = '{\"command\":\"true\"}'"
                        + " where id = " + tampered)).isEqualTo(1);
            }
            hub.startAndAwaitHealthy();

            Mezhub.ClientResult verify = hub.client("mezite:audit-verify");
            assertThat(verify.exitCode()).as("a broken chain fails the command:\n" + verify.output()).isNotZero();
            assertThat(verify.output()).contains("audit chain BROKEN at event " + tampered);
            assertThat(verify.output()).as("the events before it are reported as checked")
                    .containsPattern("\\b" + (tampered - 1) + "\\b").contains("checked");
        }
    }

    @Test
    void onPostgresqlTheTableRefusesUpdatesAndDeletes() throws Exception {
        String database = "mezite_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = "jdbc:postgresql://127.0.0.1:5432/" + database;
        try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "")) {
            admin.createStatement().execute("create database " + database);
            try (Mezhub hub = Mezhub.install(dir.resolve("hub")); Agents agents = new Agents(hub, dir)) {
                hub.configure(Map.of("database.kind", "postgresql", "database.url", url, "database.user", PG_USER));
                hub.startAndAwaitHealthy();
                aScriptedDay(hub, agents);

                // as the database's owner and superuser, which is what the hub connects as here
                try (Connection db = DriverManager.getConnection(url, PG_USER, "");
                        Statement sql = db.createStatement()) {
                    long count = single(sql, "select count(*) from audit_events");
                    assertThat(count).isPositive();
                    assertThatThrownBy(() -> sql.executeUpdate("update audit_events set result = 'x'"))
                            .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                    assertThatThrownBy(() -> sql.executeUpdate("delete from audit_events"))
                            .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                    assertThatThrownBy(() -> sql.executeUpdate("truncate audit_events"))
                            .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                    assertThat(single(sql, "select count(*) from audit_events where result = 'x'")).isZero();
                    assertThat(single(sql, "select count(*) from audit_events")).isGreaterThanOrEqualTo(count);
                }
                assertThat(ok(hub, "mezite:audit-verify")).containsPattern("audit chain intact: [1-9][0-9]* events");
            } finally {
                admin.createStatement().execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    /** login → msh ssh (a command) → stock scp and msh scp → logout; then the log shows each step as alice's. */
    private void aScriptedDay(Mezhub hub, Agents agents) throws Exception {
        Msh alice = new Msh(dir, dir.resolve("alice-msh"));
        alice.signUpAndLogIn(hub, "alice", "--roles access --logins " + LOGIN);
        agents.start("audit-node", "env=dev");
        agents.awaitOnline(alice, "audit-node", true);

        Msh.Run exec = alice.run("ssh", LOGIN + "@audit-node", "echo audited");
        assertThat(exec.exitCode()).as(exec.err()).isZero();
        assertThat(exec.out()).isEqualTo("audited\n");

        Path file = dir.resolve("audited.bin");
        byte[] data = new byte[64 * 1024];
        new Random(6).nextBytes(data);
        Files.write(file, data);
        Msh.Run config = alice.run("config");
        assertThat(config.exitCode()).as(config.err()).isZero();
        Path sshConfig = dir.resolve("ssh_config");
        Files.writeString(sshConfig, config.out());
        // -O: the SCP protocol (an "scp -t" command on the node), not OpenSSH 9's default of SFTP
        Commands.run(List.of("scp", "-O", "-F", sshConfig.toString(), "-o", "BatchMode=yes", file.toString(),
                LOGIN + "@audit-node." + Agents.CLUSTER + ":audited-scp.bin"));
        Msh.Run scp = alice.run("scp", file.toString(), LOGIN + "@audit-node:audited-sftp.bin");
        assertThat(scp.exitCode()).as(scp.err()).isZero();

        Msh.Run logout = alice.run("logout");
        assertThat(logout.exitCode()).as(logout.err()).isZero();

        // the node's events travel through the agent's queue to Auth: wait until all of them are in
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        String search = "";
        List<String> missing = EVENT_TYPES;
        while (System.nanoTime() < deadline) {
            search = ok(hub, "mezite:audit-search --since 1h --user alice --format json --limit 1000");
            String found = search;
            missing = EVENT_TYPES.stream().filter(type -> !hasType(found, type)).toList();
            if (missing.isEmpty()) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(missing).as("event types missing from audit-search --user alice:\n" + search).isEmpty();
        assertThat(search).contains("\"alice\"").contains(LOGIN).contains("echo audited")
                .contains("audited-scp.bin");

        String sessions = ok(hub, "mezite:audit-search --since 1h --type session.start --user alice --format json");
        assertThat(hasType(sessions, "session.start")).as(sessions).isTrue();
        assertThat(hasType(sessions, "exec")).as("--type filters:\n" + sessions).isFalse();
        assertThat(ok(hub, "mezite:audit-search --since 1h --type user.login --user alice")).contains("alice")
                .contains("user.login");
    }

    private static boolean hasType(String json, String type) {
        return Pattern.compile("\"(?:type|event_type)\"\\s*:\\s*\"" + Pattern.quote(type) + "\"").matcher(json)
                .find();
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            assertThat(rs.next()).as(query).isTrue();
            return rs.getLong(1);
        }
    }

    private static String ok(Mezhub hub, String command) throws Exception {
        Mezhub.ClientResult result = hub.client(command);
        assertThat(result.exitCode()).as(command + ":\n" + result.output()).isZero();
        assertThat(result.output()).as(command).doesNotContain("Error executing command");
        return result.output();
    }
}
