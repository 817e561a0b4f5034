package org.mezite.agent.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The command line as a user meets it; starting the runtime itself is MezdIT's. */
class MezdTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void versionPrintsTheBuiltVersion() {
        assertThat(run("version")).isZero();
        assertThat(out).hasToString("mezd " + System.getProperty("project.version", "0.1.0-SNAPSHOT")
                + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: mezd", "version", "start");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required subcommand", "Usage: mezd");
    }

    @Test
    void startNeedsAConfigFile() {
        assertThat(run("start")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--config=FILE'");
    }

    @Test
    void aBadConfigurationStopsStartBeforeAnythingRuns() throws Exception {
        Path config = Files.writeString(home.resolve("mezd.conf"), "node_name = node-01\nhub = nowhere\n");

        assertThat(run("start", "--config", config.toString())).isEqualTo(1);

        assertThat(err).hasToString("mezd: " + config + " line 2: hub: \"nowhere\" must be HOST:PORT of the hub's"
                + " Auth service, e.g. hub.example.com:3025" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBundleThatCannotResolveIsReportedByNameAndStopsStartUp() throws Exception {
        TestBundles.write(home.resolve("bundles"), "org.example.fine", Map.of());
        TestBundles.write(home.resolve("bundles"), "org.example.broken",
                Map.of("Import-Package", "org.example.missing"));

        assertThat(run("start", "--config", config("node_name = node-01").toString())).isEqualTo(1);

        assertThat(out.toString().lines()).contains("mezd: 1/2 bundles active; not active:", "mezd: stopped")
                .anySatisfy(line -> assertThat(line).startsWith("mezd:   org.example.broken INSTALLED: ")
                        .contains("missing requirement", "org.example.missing"));
    }

    @Test
    void anIncompleteInstallationIsNamed() throws Exception {
        assertThat(run("start", "--config", config("node_name = node-01").toString())).isEqualTo(1);

        assertThat(err).hasToString("mezd: cannot start the agent runtime: no bundles folder at "
                + home.resolve("bundles") + " (is mezd installed completely?)" + System.lineSeparator());
    }

    @Test
    void aDataDirThatCannotBeCreatedIsNamed() throws Exception {
        Path file = Files.writeString(home.resolve("occupied"), "");

        assertThat(run("start", "--config", config("node_name = n", "data_dir = " + file.resolve("data")).toString()))
                .isEqualTo(1);

        assertThat(err.toString()).startsWith("mezd: cannot create data_dir " + file);
    }

    /** A configuration whose data_dir is inside the test's folder unless the lines set one. */
    private Path config(String... lines) throws Exception {
        String text = String.join("\n", lines) + "\n";
        if (!text.contains("data_dir")) {
            text += "data_dir = " + home.resolve("data") + "\n";
        }
        return Files.writeString(home.resolve("mezd.conf"), text);
    }

    private int run(String... args) {
        CommandLine commandLine = Mezd.commandLine(home);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
