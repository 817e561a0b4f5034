package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mezite.api.admin.UserAdmin;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.hub.HubSettings;

@Service
@Command(scope = "mezite", name = "user-reset", description = "Removes a user's password and TOTP enrollment and prints a new invite")
public class UserResetCommand extends ConsoleCommand {

    @Argument(index = 0, name = "username", required = true, description = "The user to reset")
    @Completion(UserNameCompleter.class)
    String username;

    @Reference
    UserAdmin users;

    @Reference
    HubSettings settings;

    @Reference(optional = true)
    CertificateAuthorities authorities;

    @Override
    protected Object run() {
        System.out.print(InviteText.render("User \"" + username + "\" reset: they cannot log in until they sign up again.",
                users.reset(caller(), username), settings, authorities));
        return null;
    }
}
