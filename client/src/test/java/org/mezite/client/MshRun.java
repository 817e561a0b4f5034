package org.mezite.client;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Runs msh in the test's JVM with its own directory, standard input and environment, as a script would run it:
 * standard input is not a terminal, and what msh prints (through picocli or as raw bytes) is collected.
 */
final class MshRun {

    record Result(int exitCode, String out, String err) {
    }

    private MshRun() {
    }

    static Result run(Path home, String stdin, String... args) {
        return run(home, stdin, Clock.systemUTC(), args);
    }

    static Result run(Path home, String stdin, Clock clock, String... args) {
        return run(home, stdin.getBytes(StandardCharsets.UTF_8), clock, Map.of(), args);
    }

    static Result run(Path home, byte[] stdin, Clock clock, Map<String, String> environment, String... args) {
        return run(home, new ByteArrayInputStream(stdin), new String(stdin, StandardCharsets.UTF_8), clock,
                environment, args);
    }

    /** With a standard input that the test feeds while msh runs. */
    static Result run(Path home, InputStream stdin, Map<String, String> environment, String... args) {
        return run(home, stdin, "", Clock.systemUTC(), environment, null, args);
    }

    /** Also hands what msh writes to standard output as raw bytes to {@code watcher}, as it writes it. */
    static Result run(Path home, OutputStream watcher, String... args) {
        return run(home, new ByteArrayInputStream(new byte[0]), "", Clock.systemUTC(), Map.of(), watcher, args);
    }

    private static Result run(Path home, InputStream in, String promptAnswers, Clock clock,
            Map<String, String> environment, String... args) {
        return run(home, in, promptAnswers, clock, environment, null, args);
    }

    private static Result run(Path home, InputStream in, String promptAnswers, Clock clock,
            Map<String, String> environment, OutputStream watcher, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        OutputStream stdout = new Synchronized(out, outWriter);
        if (watcher != null) {
            OutputStream collected = stdout;
            stdout = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] data, int offset, int length) throws IOException {
                    collected.write(data, offset, length);
                    watcher.write(data, offset, length);
                }
            };
        }
        StdIo stdio = new StdIo(in, stdout, new Synchronized(err, errWriter), false);
        MshContext context = new MshContext(new MshHome(home), new Prompts(null, new BufferedReader(
                new StringReader(promptAnswers)), errWriter), clock, stdio, environment);
        var commandLine = Msh.commandLine(context, args);
        commandLine.setOut(outWriter);
        commandLine.setErr(errWriter);
        int exitCode = commandLine.execute(args);
        outWriter.flush();
        errWriter.flush();
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Raw bytes into the same buffer as the writer, after what the writer holds. */
    private static final class Synchronized extends java.io.OutputStream {
        private final ByteArrayOutputStream target;
        private final PrintWriter writer;

        Synchronized(ByteArrayOutputStream target, PrintWriter writer) {
            this.target = target;
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            writer.flush();
            synchronized (target) {
                target.write(data, offset, length);
            }
        }
    }
}
