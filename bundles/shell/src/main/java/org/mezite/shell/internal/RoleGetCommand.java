package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mezite.api.admin.RoleAdmin;

@Service
@Command(scope = "mezite", name = "role-get", description = "Prints a role's YAML document, ready to edit and give back to mezite:role-update")
public class RoleGetCommand extends ConsoleCommand {

    @Argument(index = 0, name = "role", required = true, description = "The role's name")
    @Completion(RoleNameCompleter.class)
    String name;

    @Reference
    RoleAdmin roles;

    @Override
    protected Object run() {
        System.out.print(RoleViews.yaml(roles.get(caller(), name)));
        return null;
    }
}
