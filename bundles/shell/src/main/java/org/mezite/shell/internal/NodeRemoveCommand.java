package org.mezite.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mezite.api.admin.NodeAdmin;

@Service
@Command(scope = "mezite", name = "node-rm", description = "Removes a node from the inventory (it must join again with a new token), or with --stale every node silent for that long")
public class NodeRemoveCommand extends ConsoleCommand {

    @Argument(index = 0, name = "node", description = "The node's id, or its name when no other node has it")
    @Completion(NodeNameCompleter.class)
    String node;

    @Option(name = "--stale", description = "Remove every node whose last heartbeat is older than this, e.g. 1h, 7d")
    String stale;

    @Reference
    NodeAdmin nodes;

    @Override
    protected Object run() {
        if ((node == null) == (stale == null)) {
            throw new IllegalArgumentException("give a node's id or name, or --stale AGE");
        }
        if (node != null) {
            nodes.remove(caller(), node);
            System.out.println("Node \"" + node + "\" removed.");
            return null;
        }
        List<String> removed = nodes.removeStale(caller(), Durations.parse("--stale", stale));
        System.out.println(removed.isEmpty() ? "No node has been silent for " + stale + "."
                : "Removed " + removed.size() + (removed.size() == 1 ? " node" : " nodes") + " silent for "
                        + stale + ": " + String.join(", ", removed) + ".");
        return null;
    }
}
