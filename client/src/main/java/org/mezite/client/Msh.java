package org.mezite.client;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code msh}, the Mezite command-line client. People run it hundreds of times a day, so starting it must stay cheap:
 * no work in static initialisers, and each command loads only what it uses.
 */
@Command(name = "msh", mixinStandardHelpOptions = true, versionProvider = Msh.Version.class,
        description = "The Mezite client: log in to a Mezite cluster and reach its nodes over SSH.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {VersionCommand.class, CommandLine.HelpCommand.class})
public final class Msh {

    /**
     * picocli registers converters for java.sql and java.time types by reflection when it starts, which loads and
     * initialises both modules (~15 ms); msh takes no option of those types.
     */
    private static final String SKIPPED_CONVERTERS = "java\\.sql\\..*|java\\.time\\..*";

    public static void main(String[] args) {
        System.setProperty("picocli.converters.excludes", SKIPPED_CONVERTERS);
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Msh());
    }

    /** For {@code msh --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"msh " + MshVersion.current()};
        }
    }
}
