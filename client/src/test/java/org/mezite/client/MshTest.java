package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class MshTest {

    private static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");
    private static final String NL = System.lineSeparator();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void versionPrintsTheBuiltVersion() {
        assertThat(run("version")).isZero();
        assertThat(out).hasToString("msh " + VERSION + NL);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theVersionOptionPrintsTheSame() {
        assertThat(run("--version")).isZero();
        assertThat(out).hasToString("msh " + VERSION + NL);
    }

    @Test
    void helpListsOnlyTheCommandsThatExist() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).startsWith("Usage: msh [-hV] COMMAND" + NL);
        String commands = out.toString().substring(out.toString().indexOf("Commands:"));
        assertThat(commands.lines().skip(1).map(String::strip).map(line -> line.split("\\s+")[0]))
                .containsExactly("login", "status", "ls", "ssh", "scp", "recordings", "play", "config", "logout",
                        "signup", "version", "help");
    }

    @Test
    void helpForACommandDescribesIt() {
        assertThat(run("help", "version")).isZero();
        assertThat(out.toString()).contains("Usage: msh version", "Print the version of msh.");
    }

    @Test
    void recordingsHasItsOwnCommands() {
        assertThat(run("help", "recordings")).isZero();
        assertThat(out.toString()).contains("Usage: msh recordings [-hV] COMMAND", "ls", "export");
        out.getBuffer().setLength(0);

        assertThat(run("recordings", "export", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: msh recordings export", "SESSION_ID", "FILE", "--force");
    }

    @Test
    void recordingsWithoutACommandIsAUsageError() {
        assertThat(run("recordings")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Missing required subcommand" + NL);
    }

    @Test
    void noCommandIsAUsageErrorWithTheUsageOnStderr() {
        assertThat(run()).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("Missing required subcommand" + NL).contains("Usage: msh");
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatNamesIt() {
        assertThat(run("nosuchcommand")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'nosuchcommand'");
    }

    private int run(String... args) {
        CommandLine commandLine = Msh.commandLine(null, args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
