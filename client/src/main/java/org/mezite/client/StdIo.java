package org.mezite.client;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * msh's standard streams as bytes, for the commands that carry a remote program's input and output.
 *
 * @param in       standard input
 * @param out      standard output
 * @param err      standard error
 * @param terminal whether standard input is a terminal (then {@code msh ssh} asks for a PTY by default)
 */
record StdIo(InputStream in, OutputStream out, OutputStream err, boolean terminal) {

    static StdIo ofThisProcess() {
        return new StdIo(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
                new FileOutputStream(FileDescriptor.err), Terminal.stdinIsTerminal());
    }
}
