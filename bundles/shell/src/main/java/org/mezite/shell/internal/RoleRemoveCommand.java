package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mezite.api.admin.RoleAdmin;

@Service
@Command(scope = "mezite", name = "role-rm", description = "Removes a role that no user has any more")
public class RoleRemoveCommand extends ConsoleCommand {

    @Argument(index = 0, name = "role", required = true, description = "The role's name")
    @Completion(RoleNameCompleter.class)
    String name;

    @Reference
    RoleAdmin roles;

    @Override
    protected Object run() {
        roles.remove(caller(), name);
        System.out.println("Role \"" + name + "\" removed.");
        return null;
    }
}
