package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mezite.api.join.NodeRegistry;

@Service
@Command(scope = "mezite", name = "node-rm", description = "Removes a node from the inventory (it must join again with a new token)")
public class NodeRemoveCommand implements Action {

    @Argument(index = 0, name = "node", required = true, description = "The node's id")
    String node;

    @Reference
    NodeRegistry nodes;

    @Override
    public Object execute() {
        if (!nodes.remove(node, Actor.current())) {
            throw new IllegalArgumentException("no node \"" + node + "\"");
        }
        System.out.println("Node \"" + node + "\" removed.");
        return null;
    }
}
