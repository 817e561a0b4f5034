package org.mezite.proxy.ssh.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

import org.apache.sshd.server.command.Command;

/** Turns what a {@code session} channel asks for into the command that answers it. */
final class ProxyCommands {

    private final NodeRouter router;
    private final NodeListing listing;
    private final RecordingAccess recordings;
    private final Executor executor;

    ProxyCommands(NodeRouter router, NodeListing listing, RecordingAccess recordings, Executor executor) {
        this.router = router;
        this.listing = listing;
        this.recordings = recordings;
        this.executor = executor;
    }

    /**
     * {@code ls [KEY=VALUE ...]}, {@code recordings ls ...} and {@code recordings get SESSION_ID}; anything else is
     * refused: the proxy runs no commands of its own.
     */
    Command exec(String commandLine) {
        List<String> words = Arrays.stream(commandLine.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return new RefusalCommand(RefusalCommand.JUMP_HOST_ONLY);
        }
        List<String> arguments = words.subList(1, words.size());
        try {
            return switch (words.get(0)) {
                case "ls" -> new NodeListCommand(listing, LabelFilter.parse(arguments), executor);
                case "recordings" -> recordingCommand(RecordingRequest.parse(arguments));
                default -> new RefusalCommand(RefusalCommand.JUMP_HOST_ONLY);
            };
        } catch (IllegalArgumentException e) {
            return new RefusalCommand(e.getMessage());
        }
    }

    private Command recordingCommand(RecordingRequest request) {
        if (request instanceof RecordingRequest.ListRecordings list) {
            return new RecordingListCommand(recordings, list);
        }
        return new RecordingGetCommand(recordings, (RecordingRequest.GetRecording) request);
    }

    Command shell() {
        return new RefusalCommand(RefusalCommand.JUMP_HOST_ONLY);
    }

    /** {@code proxy:LOGIN@NODE:PORT}, else {@code null}: the proxy has no other subsystem. */
    Command subsystem(String name) {
        return name.startsWith(NodeRequest.SUBSYSTEM_PREFIX) ? new ProxySubsystem(router, name) : null;
    }
}
