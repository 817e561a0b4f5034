package org.mezite.shell.internal;

import java.util.LinkedHashMap;
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
import org.mezite.api.auth.Invitation;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.store.User;

@Service
@Command(scope = "mezite", name = "user-add", description = "Creates a local user and prints a one-time invite (valid 1 hour) for msh signup")
public class UserAddCommand extends ConsoleCommand {

    @Argument(index = 0, name = "username", required = true, description = "The new user's name")
    String username;

    @Option(name = "--roles", description = "Comma-separated role names (they must exist: mezite:role-list)")
    @Completion(RoleNameCompleter.class)
    String roles = "";

    @Option(name = "--logins", description = "Comma-separated Unix logins the user may use (the logins trait)")
    String logins = "";

    @Argument(index = 1, name = "options", multiValued = true,
            description = "--roles and --logins may also follow the user name")
    List<String> trailing;

    @Reference
    UserAdmin users;

    @Reference
    HubSettings settings;

    @Reference(optional = true)
    CertificateAuthorities authorities;

    @Override
    protected Object run() {
        Map<String, String> more = TrailingOptions.parse(trailing, Set.of("--roles", "--logins"));
        roles = more.getOrDefault("--roles", roles);
        logins = more.getOrDefault("--logins", logins);
        Map<String, List<String>> traits = new LinkedHashMap<>();
        List<String> loginList = CommaList.parse(logins);
        if (!loginList.isEmpty()) {
            traits.put(User.LOGINS_TRAIT, loginList);
        }
        Invitation invitation = users.add(caller(), username, CommaList.parse(roles), traits);
        System.out.print(InviteText.render("User \"" + username + "\" created.", invitation, settings, authorities));
        return null;
    }
}
