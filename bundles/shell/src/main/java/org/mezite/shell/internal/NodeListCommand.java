package org.mezite.shell.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mezite.api.join.NodeRegistry;
import org.mezite.api.join.RegisteredNode;
import org.mezite.api.tunnel.NodeTunnels;

@Service
@Command(scope = "mezite", name = "node-list", description = "Lists joined nodes: name, id, labels, address, last heartbeat, online/offline, whether its tunnel to this proxy is up")
public class NodeListCommand implements Action {

    @Option(name = "--format", description = "text or json")
    String format = "text";

    @Reference
    NodeRegistry nodes;

    /** Absent on a hub that runs no proxy: then no node has a tunnel here. */
    @Reference(optional = true)
    NodeTunnels tunnels;

    @Override
    public Object execute() {
        boolean json = Output.json(format);
        List<RegisteredNode> all = nodes.list().stream().sorted(Comparator.comparing(RegisteredNode::name)).toList();
        if (json) {
            System.out.println(Output.toJson(all.stream().map(n -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", n.name());
                m.put("id", n.id());
                m.put("labels", n.labels());
                m.put("address", n.address());
                m.put("last_heartbeat", n.lastHeartbeat() == null ? null : n.lastHeartbeat().toString());
                m.put("online", n.online());
                m.put("tunnel", tunnel(n));
                return m;
            }).toList()));
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("Id");
        table.column("Labels");
        table.column("Address");
        table.column("Last heartbeat");
        table.column("State");
        table.column("Tunnel");
        for (RegisteredNode n : all) {
            table.addRow().addContent(n.name(), n.id(), Labels.format(n.labels()),
                    n.address() == null ? "" : n.address(),
                    n.lastHeartbeat() == null ? "never" : TokenAddCommand.UTC.format(n.lastHeartbeat()),
                    n.online() ? "online" : "offline", tunnel(n) ? "up" : "down");
        }
        table.print(System.out);
        return null;
    }

    private boolean tunnel(RegisteredNode node) {
        return tunnels != null && tunnels.isConnected(node.id());
    }
}
