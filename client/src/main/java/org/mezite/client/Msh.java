package org.mezite.client;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

/**
 * {@code msh}, the Mezite command-line client. People run it hundreds of times a day, so starting it must stay cheap:
 * no work in static initialisers, and each command loads only what it uses (the HTTP client, JSON and the QR code
 * only in the commands that talk to the proxy).
 */
@Command(name = "msh", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = Msh.Version.class,
        description = "The Mezite client: log in to a Mezite cluster and reach its nodes over SSH.",
        synopsisSubcommandLabel = "COMMAND")
public final class Msh {

    /** msh's commands, in the order {@code msh --help} lists them. */
    private static final List<Class<?>> COMMANDS = List.of(LoginCommand.class, StatusCommand.class, LsCommand.class,
            SshCommand.class, ScpCommand.class, RecordingsCommand.class, PlayCommand.class, ConfigCommand.class,
            LogoutCommand.class, SignupCommand.class, VersionCommand.class, CommandLine.HelpCommand.class);

    /**
     * picocli registers converters for java.sql and java.time types by reflection when it starts, which loads and
     * initialises both modules (~15 ms); msh takes no option of those types.
     */
    private static final String SKIPPED_CONVERTERS = "java\\.sql\\..*|java\\.time\\..*";

    private MshContext context;

    public static void main(String[] args) {
        System.setProperty("picocli.converters.excludes", SKIPPED_CONVERTERS);
        quietLibraries(System.getenv("MSH_DEBUG"));
        System.exit(commandLine(null, args).execute(args));
    }

    /**
     * The SSH library logs through SLF4J; msh reports failures itself, so its log stays off unless {@code MSH_DEBUG}
     * asks for it (e.g. {@code MSH_DEBUG=debug}), on standard error.
     */
    private static void quietLibraries(String debug) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                debug == null || debug.isBlank() ? "off" : debug.equals("1") ? "debug" : debug);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }

    /**
     * msh for these arguments. picocli reads a command's options from its annotations by reflection, the larger part
     * of msh's start-up; only the command the arguments name (and, for {@code msh help COMMAND}, that one) is read
     * fully, the others are listed by name and the first line of their description.
     *
     * @param context what the commands use from outside, or {@code null} for this process's own
     */
    static CommandLine commandLine(MshContext context, String... args) {
        Msh msh = new Msh();
        msh.context = context;
        Commands factory = new Commands();
        CommandLine commandLine = new CommandLine(msh, factory);
        Set<String> named = named(args);
        for (Class<?> type : COMMANDS) {
            Command command = type.getAnnotation(Command.class);
            if (named.contains(command.name()) || type == CommandLine.HelpCommand.class) {
                commandLine.addSubcommand(command.name(), create(factory, type));
            } else {
                CommandSpec listed = CommandSpec.create().name(command.name());
                listed.usageMessage().description(command.description().length == 0 ? ""
                        : command.description()[0]);
                commandLine.addSubcommand(command.name(), listed);
            }
        }
        commandLine.setExecutionExceptionHandler(Msh::failed);
        if (named.contains("ssh")) {
            // as in ssh, what follows the node is the remote command, options included
            commandLine.getSubcommands().get("ssh").setStopAtPositional(true);
        }
        return commandLine;
    }

    /** The command the arguments run, and for {@code help COMMAND} the command asked about. */
    private static Set<String> named(String[] args) {
        Set<String> named = new HashSet<>();
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                named.add(arg);
                if (!arg.equals("help")) {
                    break;
                }
            }
        }
        return named;
    }

    private static Object create(Commands factory, Class<?> type) {
        try {
            return factory.create(type);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the command " + type.getSimpleName(), e);
        }
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

    /**
     * Makes msh's commands with {@code new} rather than by reflection: past 15 reflective calls the JDK generates
     * accessor classes, milliseconds at every start (bin/msh raises that threshold for the reflection left).
     */
    static final class Commands implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            Object command = type == LoginCommand.class ? new LoginCommand()
                    : type == StatusCommand.class ? new StatusCommand()
                    : type == LsCommand.class ? new LsCommand()
                    : type == SshCommand.class ? new SshCommand()
                    : type == ScpCommand.class ? new ScpCommand()
                    : type == RecordingsCommand.class ? new RecordingsCommand()
                    : type == RecordingsLsCommand.class ? new RecordingsLsCommand()
                    : type == RecordingsExportCommand.class ? new RecordingsExportCommand()
                    : type == PlayCommand.class ? new PlayCommand()
                    : type == ConfigCommand.class ? new ConfigCommand()
                    : type == LogoutCommand.class ? new LogoutCommand()
                    : type == SignupCommand.class ? new SignupCommand()
                    : type == VersionCommand.class ? new VersionCommand()
                    : type == TrustOptions.class ? new TrustOptions()
                    : type == Version.class ? new Version()
                    : type == CommandLine.HelpCommand.class ? new CommandLine.HelpCommand()
                    : null;
            return command != null ? type.cast(command) : CommandLine.defaultFactory().create(type);
        }
    }

    /** For {@code msh --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"msh " + MshVersion.current()};
        }
    }
}
