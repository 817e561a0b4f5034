package org.mezite.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mezite.api.admin.NodeInfo;
import org.mezite.api.join.RegisteredNode;

/** Nodes for {@code mezite:node-list}. */
final class NodeViews {

    private NodeViews() {
    }

    static String table(List<NodeInfo> nodes) {
        return Tables.render(List.of("Name", "Id", "Labels", "Address", "Last heartbeat", "State", "Tunnel"),
                nodes.stream().map(info -> {
                    RegisteredNode n = info.node();
                    return List.of(n.name(), n.id(), Labels.format(n.labels()), n.address() == null ? "" : n.address(),
                            Times.text(n.lastHeartbeat(), "never"), n.online() ? "online" : "offline",
                            info.tunnelUp() ? "up" : "down");
                }).toList());
    }

    static Map<String, Object> json(NodeInfo info) {
        RegisteredNode n = info.node();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        m.put("id", n.id());
        m.put("labels", n.labels());
        m.put("address", n.address());
        m.put("last_heartbeat", Times.iso(n.lastHeartbeat()));
        m.put("online", n.online());
        m.put("tunnel", info.tunnelUp());
        return m;
    }
}
