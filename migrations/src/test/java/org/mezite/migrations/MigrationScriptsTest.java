package org.mezite.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MigrationScriptsTest {

    @Test
    void everyDialectHasTheSameVersions() {
        List<String> sqlite = MigrationScripts.of(MigrationScripts.SQLITE).stream().map(MigrationScript::fileName).toList();
        List<String> postgresql = MigrationScripts.of(MigrationScripts.POSTGRESQL).stream()
                .map(MigrationScript::fileName).toList();

        assertThat(sqlite).isNotEmpty().contains("V1__init.sql");
        assertThat(postgresql).isEqualTo(sqlite);
    }

    @Test
    void scriptsAreReadableThroughTheirUrls() throws IOException {
        for (MigrationScript script : MigrationScripts.of(MigrationScripts.POSTGRESQL)) {
            try (InputStream in = script.url().openStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(script.fileName())
                        .containsPattern("(?i)\\b(create|alter)\\b");
            }
        }
    }

    @Test
    void unknownDialectIsNamed() {
        assertThatThrownBy(() -> MigrationScripts.of("oracle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no migrations for database dialect \"oracle\"; known: postgresql, sqlite");
    }

    @Test
    void versionsOrderNumericallyAndRepeatablesComeLast() {
        List<String> names = new ArrayList<>(List.of("R__views.sql", "V10__later.sql", "V2__next.sql",
                "V1_1__patch.sql", "V1__init.sql"));
        names.sort(MigrationScripts::compareFileNames);
        assertThat(names).containsExactly("V1__init.sql", "V1_1__patch.sql", "V2__next.sql", "V10__later.sql",
                "R__views.sql");
    }
}
