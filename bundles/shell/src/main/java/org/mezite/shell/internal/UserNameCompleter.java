package org.mezite.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.store.User;
import org.mezite.api.store.UserRepository;

/** Completes existing user names. */
@Service
public class UserNameCompleter implements Completer {

    @Reference
    UserRepository users;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter(users.list().stream().map(User::username).toList());
        return names.complete(session, commandLine, candidates);
    }
}
