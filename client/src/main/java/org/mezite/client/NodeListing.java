package org.mezite.client;

import java.util.List;

/** Carries out {@code msh ls}: asks the proxy for the nodes and formats them. */
final class NodeListing {

    private NodeListing() {
    }

    static String list(MshContext context, LabelSelector selector, boolean json) {
        Credentials credentials = Credentials.load(context.home(), context.clock().instant());
        List<NodeInfo> nodes;
        try (ClusterConnection cluster = ClusterConnection.open(context.home(), credentials,
                ClusterConnection.Options.NONE)) {
            nodes = NodeInfo.parseList(cluster.proxyCommand(selector.lsCommand())).stream()
                    .filter(node -> selector.matches(node.labels())).toList();
        }
        return json ? NodeInfo.json(nodes) : NodeInfo.table(nodes);
    }
}
