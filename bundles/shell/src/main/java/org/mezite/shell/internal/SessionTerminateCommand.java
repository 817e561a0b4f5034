package org.mezite.shell.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mezite.api.admin.SessionAdmin;

@Service
@Command(scope = "mezite", name = "session-terminate", description = "Ends a running session; its node closes it within a few seconds and shows the user the message")
public class SessionTerminateCommand extends ConsoleCommand {

    @Argument(index = 0, name = "id", required = true, description = "The session's id (mezite:session-list)")
    @Completion(SessionIdCompleter.class)
    String id;

    @Option(name = "--message", description = "What the user is told (default: session terminated by an administrator)")
    String message;

    @Argument(index = 1, name = "options", multiValued = true, description = "--message may also follow the id")
    List<String> trailing;

    @Reference
    SessionAdmin sessions;

    @Override
    protected Object run() {
        Map<String, String> more = TrailingOptions.parse(trailing, Set.of("--message"));
        sessions.terminate(caller(), id, more.getOrDefault("--message", message));
        System.out.println("Session " + id + " is being terminated.");
        return null;
    }
}
