package org.mezite.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.store.SessionRepository;

/** Completes the ids of running sessions. */
@Service
public class SessionIdCompleter implements Completer {

    @Reference
    SessionRepository sessions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(sessions.listActive().stream().map(s -> s.id()).toList())
                .complete(session, commandLine, candidates);
    }
}
