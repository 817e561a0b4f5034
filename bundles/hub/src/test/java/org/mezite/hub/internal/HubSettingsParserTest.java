package org.mezite.hub.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;

class HubSettingsParserTest {

    private final Path data = Path.of("/opt/mezhub/data");
    private final HubSettingsParser parser = new HubSettingsParser(data);

    @Test
    void emptyFileGivesCombinedModeOnSqliteInTheDataDirectory() throws Exception {
        HubSettings s = parser.parse(Map.of("service.pid", "org.mezite.hub", "felix.fileinstall.filename", "x"));
        assertThat(s.clusterName()).isEqualTo("mezite");
        assertThat(s.roles()).containsExactlyInAnyOrder(HubRole.AUTH, HubRole.PROXY);
        assertThat(s.authListen().getPort()).isEqualTo(3025);
        assertThat(s.authListen().getAddress().isLoopbackAddress()).isTrue();
        assertThat(s.webListen().getPort()).isEqualTo(3080);
        assertThat(s.sshListen().getPort()).isEqualTo(3023);
        assertThat(s.tunnelListen().getPort()).isEqualTo(3024);
        assertThat(s.database().kind()).isEqualTo(DatabaseKind.SQLITE);
        assertThat(s.database().url()).isEqualTo("jdbc:sqlite:/opt/mezhub/data/mezite.db");
    }

    @Test
    void postgresqlWithCredentials() throws Exception {
        HubSettings s = parser.parse(Map.of("database.kind", "postgresql", "database.url",
                "jdbc:postgresql://127.0.0.1:5432/mezite", "database.user", "mezite", "database.password", "s3cret",
                "services", "auth", "cluster_name", "prod-eu"));
        assertThat(s.database().kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(s.database().user()).isEqualTo("mezite");
        assertThat(s.roles()).containsExactly(HubRole.AUTH);
        assertThat(s.clusterName()).isEqualTo("prod-eu");
        assertThat(s.database().toString()).doesNotContain("s3cret");
    }

    @Test
    void relativeDataDirIsResolvedAgainstTheHubHome() throws Exception {
        HubSettings s = parser.parse(Map.of("data_dir", "state"));
        assertThat(s.dataDir()).isEqualTo(Path.of("/opt/mezhub/state"));
        assertThat(s.database().url()).isEqualTo("jdbc:sqlite:/opt/mezhub/state/mezite.db");
    }

    @Test
    void passwordsInUrlsAreMasked() throws Exception {
        HubSettings s = parser.parse(Map.of("database.kind", "postgresql", "database.url",
                "jdbc:postgresql://db:5432/mezite?user=m&password=hunter2&ssl=true"));
        assertThat(s.database().maskedUrl()).isEqualTo("jdbc:postgresql://db:5432/mezite?user=m&password=****&ssl=true");
    }

    @Test
    void badValuesNameTheKeyAndTheProblem() {
        assertError(Map.of("database.kind", "mysql"), "database.kind: \"mysql\" is not one of sqlite, postgresql");
        assertError(Map.of("services", "auth,bastion"), "services: \"bastion\" is not a service");
        assertError(Map.of("services", " , "), "services: names no service");
        assertError(Map.of("auth.listen", "127.0.0.1"), "auth.listen: \"127.0.0.1\" must be HOST:PORT");
        assertError(Map.of("proxy.ssh.listen", "0.0.0.0:70000"), "proxy.ssh.listen: \"0.0.0.0:70000\": port 70000 is outside 0-65535");
        assertError(Map.of("proxy.web.listen", "0.0.0.0:https"), "proxy.web.listen: \"0.0.0.0:https\": port \"https\" is not a number");
        assertError(Map.of("cluster_name", "my cluster"), "cluster_name: \"my cluster\" must be 1-63 letters");
        assertError(Map.of("database.kind", "postgresql"), "database.url: is required when database.kind = postgresql");
        assertError(Map.of("database.kind", "postgresql", "database.url", "jdbc:mysql://x/y"),
                "database.url: \"jdbc:mysql://x/y\" is not a PostgreSQL JDBC URL");
        assertError(Map.of("database.url", "/var/mezite.db"), "database.url: \"/var/mezite.db\" is not a SQLite JDBC URL");
        assertError(Map.of("database.pool_size", "0"), "database.pool_size: 0 is outside 1-200");
        assertError(Map.of("databse.kind", "sqlite"), "databse.kind: unknown key");
    }

    private void assertError(Map<String, String> raw, String message) {
        assertThatThrownBy(() -> parser.parse(new HashMap<>(raw)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(message);
    }
}
