package org.mezite.shell.internal;

import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockRepository;

/** Completes the ids of the locks in force. */
@Service
public class LockIdCompleter implements Completer {

    @Reference
    LockRepository locks;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(locks.listActive(Instant.now()).stream().map(Lock::id).toList())
                .complete(session, commandLine, candidates);
    }
}
