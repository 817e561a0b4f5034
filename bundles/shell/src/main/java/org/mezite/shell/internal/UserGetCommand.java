package org.mezite.shell.internal;

import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.admin.UserAdmin;
import org.mezite.api.admin.UserInfo;

@Service
@Command(scope = "mezite", name = "user-get", description = "Shows one local user: roles, logins and other traits, whether they signed up, lockout")
public class UserGetCommand extends ConsoleCommand {

    @Argument(index = 0, name = "username", required = true, description = "The user")
    @Completion(UserNameCompleter.class)
    String username;

    @Option(name = "--format", description = "text or json")
    @Completion(values = {"text", "json"}, value = StringsCompleter.class)
    String format = "text";

    @Argument(index = 1, name = "options", multiValued = true, description = "--format may also follow the user name")
    List<String> trailing;

    @Reference
    UserAdmin users;

    @Override
    protected Object run() {
        format = TrailingOptions.parse(trailing, Set.of("--format")).getOrDefault("--format", format);
        boolean json = Output.json(format);
        UserInfo user = users.get(caller(), username);
        System.out.print(json ? Output.toJson(UserViews.json(user)) + "\n" : UserViews.detail(user));
        return null;
    }
}
