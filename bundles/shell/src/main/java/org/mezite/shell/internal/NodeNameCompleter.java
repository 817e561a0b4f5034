package org.mezite.shell.internal;

import java.util.List;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.join.NodeRegistry;

/** Completes node names and ids. */
@Service
public class NodeNameCompleter implements Completer {

    @Reference
    NodeRegistry nodes;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(nodes.list().stream().flatMap(n -> Stream.of(n.name(), n.id())).distinct()
                .toList()).complete(session, commandLine, candidates);
    }
}
