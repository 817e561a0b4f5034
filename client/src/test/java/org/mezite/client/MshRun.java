package org.mezite.client;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;

/** Runs msh in the test's JVM with its own directory and standard input, as a script would run it. */
final class MshRun {

    record Result(int exitCode, String out, String err) {
    }

    private MshRun() {
    }

    static Result run(Path home, String stdin, String... args) {
        return run(home, stdin, Clock.systemUTC(), args);
    }

    static Result run(Path home, String stdin, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err, true);
        MshContext context = new MshContext(new MshHome(home),
                new Prompts(null, new BufferedReader(new StringReader(stdin)), errWriter), clock);
        var commandLine = Msh.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(errWriter);
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
