package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mezite.api.join.JoinTokens;

@Service
@Command(scope = "mezite", name = "token-rm", description = "Revokes a join token, by its id (from token-list) or the token itself")
public class TokenRemoveCommand implements Action {

    @Argument(index = 0, name = "token", required = true, description = "The token's id or the token")
    String token;

    @Reference
    JoinTokens tokens;

    @Override
    public Object execute() {
        if (!tokens.remove(token, Actor.current())) {
            throw new IllegalArgumentException("no join token \"" + token + "\"");
        }
        System.out.println("Join token removed.");
        return null;
    }
}
