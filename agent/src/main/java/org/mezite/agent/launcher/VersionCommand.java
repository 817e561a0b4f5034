package org.mezite.agent.launcher;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "version", description = "Print the version of mezd.")
final class VersionCommand implements Callable<Integer> {

    private final String version;

    @Spec
    private CommandSpec spec;

    VersionCommand(String version) {
        this.version = version;
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("mezd " + version);
        return 0;
    }
}
