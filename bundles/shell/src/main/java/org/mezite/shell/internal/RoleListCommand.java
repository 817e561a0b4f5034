package org.mezite.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.admin.RoleAdmin;
import org.mezite.api.admin.RoleInfo;

@Service
@Command(scope = "mezite", name = "role-list", description = "Lists roles: name, description, last change")
public class RoleListCommand extends ConsoleCommand {

    @Option(name = "--format", description = "text or json")
    @Completion(values = {"text", "json"}, value = StringsCompleter.class)
    String format = "text";

    @Reference
    RoleAdmin roles;

    @Override
    protected Object run() {
        boolean json = Output.json(format);
        List<RoleInfo> all = roles.list(caller());
        System.out.print(json ? Output.toJson(all.stream().map(RoleViews::json).toList()) + "\n"
                : RoleViews.table(all));
        return null;
    }
}
