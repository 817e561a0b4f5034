package org.mezite.client;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * {@code msh}, the Mezite command-line client. People run it hundreds of times a day, so starting it must stay cheap:
 * no work in static initialisers, and each command loads only what it uses (the HTTP client, JSON and the QR code
 * only in the commands that talk to the proxy).
 */
@Command(name = "msh", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = Msh.Version.class,
        description = "The Mezite client: log in to a Mezite cluster and reach its nodes over SSH.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {LoginCommand.class, StatusCommand.class, LogoutCommand.class, SignupCommand.class,
            VersionCommand.class, CommandLine.HelpCommand.class})
public final class Msh {

    /**
     * picocli registers converters for java.sql and java.time types by reflection when it starts, which loads and
     * initialises both modules (~15 ms); msh takes no option of those types.
     */
    private static final String SKIPPED_CONVERTERS = "java\\.sql\\..*|java\\.time\\..*";

    private MshContext context;

    public static void main(String[] args) {
        System.setProperty("picocli.converters.excludes", SKIPPED_CONVERTERS);
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return commandLine(null);
    }

    /** @param context what the commands use from outside, or {@code null} for this process's own */
    static CommandLine commandLine(MshContext context) {
        Msh msh = new Msh();
        msh.context = context;
        CommandLine commandLine = new CommandLine(msh);
        commandLine.setExecutionExceptionHandler(Msh::failed);
        return commandLine;
    }

    /** What the commands use from outside msh, made on first use. */
    MshContext context() {
        if (context == null) {
            context = new MshContext(MshHome.fromEnvironment(), Prompts.ofThisProcess(new PrintWriter(System.err,
                    true)), Clock.systemUTC());
        }
        return context;
    }

    /** A command failed: one line on standard error and its exit status; a stack trace only for msh's own bugs. */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof MshException failure) {
            err.println("msh: " + failure.getMessage());
            if (failure.exitCode() == MshException.USAGE) {
                err.println("Try 'msh " + command.getCommandName() + " --help' for more information.");
            }
            err.flush();
            return failure.exitCode();
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            err.println("msh: " + e.getMessage());
            err.flush();
            return MshException.FAILED;
        }
        err.println("msh: internal error, please report it: " + e);
        e.printStackTrace(err);
        err.flush();
        return MshException.FAILED;
    }

    /** For {@code msh --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"msh " + MshVersion.current()};
        }
    }
}
