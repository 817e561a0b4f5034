package org.mezite.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.admin.ActiveSession;
import org.mezite.api.admin.SessionAdmin;

@Service
@Command(scope = "mezite", name = "session-list", description = "Lists the sessions running on nodes, oldest first: id, user, login, node, client, start")
public class SessionListCommand extends ConsoleCommand {

    @Option(name = "--format", description = "text or json")
    @Completion(values = {"text", "json"}, value = StringsCompleter.class)
    String format = "text";

    @Reference
    SessionAdmin sessions;

    @Override
    protected Object run() {
        boolean json = Output.json(format);
        List<ActiveSession> all = sessions.listActive(caller());
        System.out.print(json ? Output.toJson(all.stream().map(SessionViews::json).toList()) + "\n"
                : SessionViews.table(all));
        return null;
    }
}
