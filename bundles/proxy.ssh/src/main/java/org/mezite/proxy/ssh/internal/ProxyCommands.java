package org.mezite.proxy.ssh.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

import org.apache.sshd.server.command.Command;

/** Turns what a {@code session} channel asks for into the command that answers it. */
final class ProxyCommands {

    private final NodeRouter router;
    private final NodeListing listing;
    private final Executor executor;

    ProxyCommands(NodeRouter router, NodeListing listing, Executor executor) {
        this.router = router;
        this.listing = listing;
        this.executor = executor;
    }

    /** {@code ls [KEY=VALUE ...]}; anything else is refused: the proxy runs no commands of its own. */
    Command exec(String commandLine) {
        List<String> words = Arrays.stream(commandLine.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty() || !words.get(0).equals("ls")) {
            return new RefusalCommand(RefusalCommand.JUMP_HOST_ONLY);
        }
        try {
            return new NodeListCommand(listing, LabelFilter.parse(words.subList(1, words.size())), executor);
        } catch (IllegalArgumentException e) {
            return new RefusalCommand(e.getMessage());
        }
    }

    Command shell() {
        return new RefusalCommand(RefusalCommand.JUMP_HOST_ONLY);
    }

    /** {@code proxy:LOGIN@NODE:PORT}, else {@code null}: the proxy has no other subsystem. */
    Command subsystem(String name) {
        return name.startsWith(NodeRequest.SUBSYSTEM_PREFIX) ? new ProxySubsystem(router, name) : null;
    }
}
