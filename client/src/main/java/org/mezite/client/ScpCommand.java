package org.mezite.client;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "scp", sortOptions = false,
        customSynopsis = "msh scp [-hpqrV] [-l=LOGIN] [-P=PORT] SOURCE... TARGET",
        description = {"Copy files to or from a node.",
            "Over SFTP through the cluster's proxy. Node paths are [LOGIN@]NODE:PATH, relative to the login's home directory. Files keep their mode;"
                    + " nothing is printed unless something fails."})
final class ScpCommand implements Callable<Integer> {

    @ParentCommand
    private Msh msh;

    @Spec
    private CommandSpec spec;

    @Option(names = "-r", description = "Copy directories with everything in them")
    boolean recursive;

    @Option(names = "-p", description = "Keep modification times as well")
    boolean preserveTimes;

    @Option(names = "-P", paramLabel = "PORT", defaultValue = "22", description = "The node's SSH port (default 22)")
    int port;

    @Option(names = "-l", paramLabel = "LOGIN", description = "The Unix login where a path names none")
    String login;

    @Option(names = "-q", description = "Quiet (msh scp always is)")
    boolean quiet;

    @Parameters(arity = "2..*", paramLabel = "PATH",
            description = "What to copy, then where to: local paths, or [LOGIN@]NODE:PATH on one side")
    String[] paths = {};

    @Override
    public Integer call() {
        if (port < 1 || port > 65535) {
            throw MshException.usage("-P " + port + ": the port must be a number from 1 to 65535");
        }
        List<String> all = List.of(paths);
        ScpSettings settings = new ScpSettings(all.subList(0, all.size() - 1), all.get(all.size() - 1), recursive,
                preserveTimes, port, login);
        return new ScpTransfer(msh.context(), spec.commandLine().getErr()).run(settings);
    }
}
