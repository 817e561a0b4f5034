package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.mezite.api.admin.RoleAdmin;

/** The way to edit a role: {@code mezite:role-get dev > dev.yaml}, edit, {@code mezite:role-update -f dev.yaml}. */
@Service
@Command(scope = "mezite", name = "role-update", description = "Replaces a role (named by metadata.name in the document) with a YAML (or JSON) document, creating it if needed; the same as role-create --replace")
public class RoleUpdateCommand extends ConsoleCommand {

    @Option(name = "-f", aliases = "--file", description = "The role document, a path on the hub (relative to the console's directory); without it the document is read from standard input")
    @Completion(FileCompleter.class)
    String file;

    @Reference
    RoleAdmin roles;

    @Reference
    Session session;

    @Override
    protected Object run() {
        String document = RoleInput.read(file, session.currentDir(), System.in);
        System.out.print(RoleViews.saved(roles.create(caller(), document, true)));
        return null;
    }
}
