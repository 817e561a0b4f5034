package org.mezite.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.store.Role;
import org.mezite.api.store.RoleRepository;

/**
 * Completes role names. Like every completer here it reads the store directly: pressing TAB at the console (open to
 * operators only) is no administrative call to check and audit.
 */
@Service
public class RoleNameCompleter implements Completer {

    @Reference
    RoleRepository roles;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(roles.list().stream().map(Role::name).toList())
                .complete(session, commandLine, candidates);
    }
}
