package org.mezite.node.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@code scp} command line as a client runs it remotely ({@code scp -t} to receive, {@code scp -f} to send), for
 * the audit log.
 *
 * @param action    {@code upload} (to the node) or {@code download}
 * @param path      the path on the node
 * @param recursive whether directories are copied
 */
record ScpRequest(String action, String path, boolean recursive) {

    /** Whether the command line runs {@code scp} (the remote end of a legacy scp copy, whatever its options). */
    static boolean runsScp(String commandLine) {
        return program(commandLine).equals("scp");
    }

    /** Whether the command line runs OpenSSH's {@code sftp-server}: sftp without asking for the subsystem. */
    static boolean runsSftpServer(String commandLine) {
        return program(commandLine).equals("sftp-server");
    }

    /** The file name of the program a command line starts with. */
    private static String program(String commandLine) {
        String first = commandLine == null ? "" : commandLine.strip().split("\\s+", 2)[0];
        return first.substring(first.lastIndexOf('/') + 1);
    }

    static Optional<ScpRequest> parse(String commandLine) {
        if (!runsScp(commandLine)) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>(List.of(commandLine.strip().split("\\s+")));
        boolean to = false;
        boolean from = false;
        boolean recursive = false;
        int i = 1;
        for (; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--")) {
                i++;
                break;
            }
            if (!word.startsWith("-") || word.length() < 2) {
                break;
            }
            to |= word.indexOf('t') > 0;
            from |= word.indexOf('f') > 0;
            recursive |= word.indexOf('r') > 0;
        }
        if (to == from) {
            return Optional.empty();
        }
        String path = String.join(" ", words.subList(Math.min(i, words.size()), words.size()));
        return Optional.of(new ScpRequest(to ? "upload" : "download", path.isEmpty() ? "." : path, recursive));
    }
}
