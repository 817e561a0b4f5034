package org.mezite.client;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ls", description = {"List the nodes you can reach.",
    "Prints NAME, ADDRESS, LABELS and ONLINE for each, sorted by name; with KEY=VALUE, only the nodes with those"
            + " labels."})
final class LsCommand implements Callable<Integer> {

    @ParentCommand
    private Msh msh;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "KEY=VALUE", arity = "0..*",
            description = "Only the nodes with these labels (all must match)")
    String[] labels = {};

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a table) or json (default text)")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw MshException.usage("--format " + format + ": expected text or json");
        }
        LabelSelector selector = LabelSelector.parse(List.of(labels));
        MshContext context = msh.context();
        PrintWriter out = spec.commandLine().getOut();
        out.print(NodeListing.list(context, selector, format.equals("json")));
        out.flush();
        return 0;
    }
}
