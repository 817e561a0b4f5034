package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mezite.api.admin.UserAdmin;

@Service
@Command(scope = "mezite", name = "user-rm", description = "Removes a local user (certificates already issued stay valid until they expire: lock the user to cut them off now)")
public class UserRemoveCommand extends ConsoleCommand {

    @Argument(index = 0, name = "username", required = true, description = "The user to remove")
    @Completion(UserNameCompleter.class)
    String username;

    @Reference
    UserAdmin users;

    @Override
    protected Object run() {
        users.remove(caller(), username);
        System.out.println("User \"" + username + "\" removed.");
        return null;
    }
}
