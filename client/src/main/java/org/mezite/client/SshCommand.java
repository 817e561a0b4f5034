package org.mezite.client;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ssh", sortOptions = false,
        description = {"Log in to a node or run a command on it.",
            "Without a command, starts the login shell with a terminal; with one, runs it and exits with its status"
                    + " (255 when msh cannot connect). NODE may be KEY=VALUE[,KEY=VALUE...] to run the command on"
                    + " every online node with those labels, each output line prefixed with [NODE].",
            "Escapes (after a newline, with a terminal): ~. disconnect, ~? help, ~~ a literal ~."})
final class SshCommand implements Callable<Integer> {

    @ParentCommand
    private Msh msh;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-l", "--login"}, paramLabel = "LOGIN",
            description = "The Unix login on the node; default: LOGIN@ of NODE, else the first login of your"
                    + " certificate")
    String login;

    @Option(names = "-p", paramLabel = "PORT", defaultValue = "22", description = "The node's SSH port (default 22)")
    int port;

    @Option(names = "-t", description = "Ask for a terminal even with a command; twice: even when standard input"
            + " is not a terminal")
    boolean[] tty = new boolean[0];

    @Option(names = "-T", description = "Ask for no terminal")
    boolean noTty;

    @Option(names = "-L", paramLabel = "[BIND:]PORT:HOST:HOSTPORT",
            description = "Forward local PORT to HOST:HOSTPORT as seen from the node")
    String[] local = {};

    @Option(names = "-R", paramLabel = "[BIND:]PORT:HOST:HOSTPORT",
            description = "Forward PORT on the node to HOST:HOSTPORT as seen from here")
    String[] remote = {};

    @Option(names = "-D", paramLabel = "[BIND:]PORT", description = "A SOCKS proxy on local PORT, out of the node")
    String[] dynamic = {};

    @Option(names = "-A", description = "Forward your SSH agent (SSH_AUTH_SOCK), else msh's own key and certificate")
    boolean agent;

    @Option(names = "-N", description = "Run no command; keep the forwards open until interrupted")
    boolean noCommand;

    @Option(names = "-n", description = "Read nothing from standard input")
    boolean nullStdin;

    @Option(names = "-e", paramLabel = "CHAR", defaultValue = "~",
            description = "The escape character, or \"none\" (default ~)")
    String escape;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "8",
            description = "With a label selector: how many nodes at a time (default 8)")
    int parallel;

    @Parameters(index = "0", paramLabel = "[LOGIN@]NODE", description = "The node's name or id, or KEY=VALUE,...")
    String destination;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "The command to run (joined by spaces)")
    String[] command = {};

    @Override
    public Integer call() {
        SshSettings settings = SshSettings.of(destination, List.of(command), login, port, tty.length, noTty,
                List.of(local), List.of(remote), List.of(dynamic), agent, noCommand, nullStdin, escape, parallel);
        MshContext context = msh.context();
        try {
            return new SshInvocation(context, spec.commandLine().getErr()).run(settings);
        } catch (MshException e) {
            // as ssh: 255 when msh itself failed, so that it differs from any remote exit status
            throw e.exitCode() == MshException.FAILED ? new MshException(MshException.CONNECTION, e.getMessage())
                    : e;
        }
    }
}
