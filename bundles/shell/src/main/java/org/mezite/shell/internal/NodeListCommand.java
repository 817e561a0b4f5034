package org.mezite.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.admin.NodeAdmin;
import org.mezite.api.admin.NodeInfo;

@Service
@Command(scope = "mezite", name = "node-list", description = "Lists joined nodes: name, id, labels, address, last heartbeat, online/offline, whether its tunnel to this proxy is up")
public class NodeListCommand extends ConsoleCommand {

    @Option(name = "--format", description = "text or json")
    @Completion(values = {"text", "json"}, value = StringsCompleter.class)
    String format = "text";

    @Reference
    NodeAdmin nodes;

    @Override
    protected Object run() {
        boolean json = Output.json(format);
        List<NodeInfo> all = nodes.list(caller());
        System.out.print(json ? Output.toJson(all.stream().map(NodeViews::json).toList()) + "\n"
                : NodeViews.table(all));
        return null;
    }
}
