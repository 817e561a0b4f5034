package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mezite.api.store.UserRepository;

@Service
@Command(scope = "mezite", name = "user-rm", description = "Removes a local user (certificates already issued stay valid until they expire)")
public class UserRemoveCommand implements Action {

    @Argument(index = 0, name = "username", required = true, description = "The user to remove")
    @Completion(UserNameCompleter.class)
    String username;

    @Reference
    UserRepository users;

    @Override
    public Object execute() {
        if (!users.delete(username)) {
            throw new IllegalArgumentException("no user \"" + username + "\"");
        }
        System.out.println("User \"" + username + "\" removed.");
        return null;
    }
}
