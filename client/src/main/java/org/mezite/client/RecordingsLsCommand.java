package org.mezite.client;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ls", description = {"List the newest session recordings.",
    "Prints ID, USER, LOGIN, NODE, STARTED, DURATION and COMPLETE (no when the session was cut off and the"
            + " recording ends early), newest first."})
final class RecordingsLsCommand implements Callable<Integer> {

    static final int MAX_LIMIT = 1000;

    @ParentCommand
    private RecordingsCommand recordings;

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a table) or json (default text)")
    String format;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "At most this many, 1 to 1000 (default 50)")
    int limit;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw MshException.usage("--format " + format + ": expected text or json");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw MshException.usage("--limit " + limit + ": expected a number from 1 to " + MAX_LIMIT);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(HubRecordings.list(recordings.context(), limit, format.equals("json")));
        out.flush();
        return 0;
    }
}
