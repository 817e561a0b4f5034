package org.mezite.shell.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mezite.api.admin.UserAdmin;
import org.mezite.api.admin.UserInfo;

@Service
@Command(scope = "mezite", name = "user-update", description = "Replaces a user's roles and/or logins (what is not given stays; an empty value clears it). Takes effect at their next login")
public class UserUpdateCommand extends ConsoleCommand {

    @Argument(index = 0, name = "username", required = true, description = "The user to change")
    @Completion(UserNameCompleter.class)
    String username;

    @Option(name = "--roles", description = "Comma-separated role names: the user's roles from now on")
    @Completion(RoleNameCompleter.class)
    String roles;

    @Option(name = "--logins", description = "Comma-separated Unix logins: the user's logins trait from now on")
    String logins;

    @Argument(index = 1, name = "options", multiValued = true,
            description = "--roles and --logins may also follow the user name")
    List<String> trailing;

    @Reference
    UserAdmin users;

    @Override
    protected Object run() {
        Map<String, String> more = TrailingOptions.parse(trailing, Set.of("--roles", "--logins"));
        roles = more.getOrDefault("--roles", roles);
        logins = more.getOrDefault("--logins", logins);
        if (roles == null && logins == null) {
            throw new IllegalArgumentException("nothing to change: give --roles, --logins or both");
        }
        UserInfo updated = users.update(caller(), username, roles == null ? null : CommaList.parse(roles),
                logins == null ? null : CommaList.parse(logins));
        System.out.print(UserViews.updated(updated));
        return null;
    }
}
