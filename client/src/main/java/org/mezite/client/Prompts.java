package org.mezite.client;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * What msh asks the person at the keyboard: on a terminal, secrets are read without echo; otherwise (a script, a
 * test) each answer is one line of standard input, and the prompts go to standard error so that standard output
 * keeps only what msh reports.
 */
final class Prompts {

    private final Console console;
    private final BufferedReader lines;
    private final PrintWriter prompts;

    /**
     * @param console the terminal, or {@code null} when standard input or output is not one
     * @param lines   standard input, read when there is no terminal
     * @param prompts where prompts go when there is no terminal
     */
    Prompts(Console console, BufferedReader lines, PrintWriter prompts) {
        this.console = console;
        this.lines = lines;
        this.prompts = prompts;
    }

    static Prompts ofThisProcess(PrintWriter err) {
        Console console = System.console();
        Charset charset = console != null ? console.charset() : Charset.defaultCharset();
        return new Prompts(console, new BufferedReader(new InputStreamReader(System.in, charset)), err);
    }

    /** Whether a person answers (and can be asked again), rather than a script. */
    boolean interactive() {
        return console != null;
    }

    /**
     * @param what names the answer in the error when standard input ends, e.g. {@code password}
     * @throws MshException (usage) when standard input ends first
     */
    char[] secret(String prompt, String what) {
        if (console != null) {
            char[] answer = console.readPassword("%s", prompt);
            if (answer == null) {
                throw MshException.usage("no " + what + " given");
            }
            return answer;
        }
        return line(prompt, what).toCharArray();
    }

    /** @throws MshException (usage) when standard input ends first */
    String line(String prompt, String what) {
        if (console != null) {
            String answer = console.readLine("%s", prompt);
            if (answer == null) {
                throw MshException.usage("no " + what + " given");
            }
            return answer;
        }
        prompts.print(prompt);
        prompts.println();
        prompts.flush();
        try {
            String answer = lines.readLine();
            if (answer == null) {
                throw MshException.usage("no " + what + " on standard input (one line each is expected when it is"
                        + " not a terminal)");
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
    }
}
