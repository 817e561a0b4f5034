package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.mezite.api.admin.RoleAdmin;

@Service
@Command(scope = "mezite", name = "role-create", description = "Creates a role from a YAML (or JSON) document: -f FILE, or piped in (cat role.yaml | mezite:role-create); --replace overwrites an existing role")
public class RoleCreateCommand extends ConsoleCommand {

    @Option(name = "-f", aliases = "--file", description = "The role document, a path on the hub (relative to the console's directory); without it the document is read from standard input")
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--replace", description = "Replace the role if it exists (as mezite:role-update does)")
    boolean replace;

    @Reference
    RoleAdmin roles;

    @Reference
    Session session;

    @Override
    protected Object run() {
        String document = RoleInput.read(file, session.currentDir(), System.in);
        System.out.print(RoleViews.saved(roles.create(caller(), document, replace)));
        return null;
    }
}
