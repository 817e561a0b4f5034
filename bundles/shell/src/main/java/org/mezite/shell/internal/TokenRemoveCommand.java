package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mezite.api.admin.TokenAdmin;

@Service
@Command(scope = "mezite", name = "token-rm", description = "Revokes a join token, by its id (from token-list) or the token itself")
public class TokenRemoveCommand extends ConsoleCommand {

    @Argument(index = 0, name = "token", required = true, description = "The token's id or the token")
    String token;

    @Reference
    TokenAdmin tokens;

    @Override
    protected Object run() {
        tokens.remove(caller(), token);
        System.out.println("Join token removed.");
        return null;
    }
}
