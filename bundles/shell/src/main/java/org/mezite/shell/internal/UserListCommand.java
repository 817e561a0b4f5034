package org.mezite.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.admin.UserAdmin;
import org.mezite.api.admin.UserInfo;

@Service
@Command(scope = "mezite", name = "user-list", description = "Lists local users: roles, logins and whether they can log in")
public class UserListCommand extends ConsoleCommand {

    @Option(name = "--format", description = "text or json")
    @Completion(values = {"text", "json"}, value = StringsCompleter.class)
    String format = "text";

    @Reference
    UserAdmin users;

    @Override
    protected Object run() {
        boolean json = Output.json(format);
        List<UserInfo> all = users.list(caller());
        System.out.print(json ? Output.toJson(all.stream().map(UserViews::json).toList()) + "\n"
                : UserViews.table(all));
        return null;
    }
}
