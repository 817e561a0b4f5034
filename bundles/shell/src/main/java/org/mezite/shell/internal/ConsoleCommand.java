package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.access.Caller;
import org.mezite.api.store.StoreException;
import org.apache.karaf.shell.support.CommandException;

/**
 * A {@code mezite:*} command. What people get wrong (a name that does not exist or is taken, a bad value, a rule
 * that does not allow it) ends the command with one line naming it, and a non-zero exit status for scripts, rather
 * than a stack trace in the hub's log; anything else is a bug and Karaf reports it as usual.
 */
abstract class ConsoleCommand implements Action {

    @Override
    public final Object execute() throws Exception {
        try {
            return run();
        } catch (AccessDeniedException | StoreException | IllegalArgumentException e) {
            throw failure(e);
        }
    }

    protected abstract Object run() throws Exception;

    /** Whoever runs a console command is an operator: Karaf's command ACL lets only the admin role in. */
    static Caller caller() {
        return Caller.operator(Actor.current());
    }

    /** The one line Karaf prints for the failure (a {@link CommandException} is not logged as an error). */
    static CommandException failure(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = "Error executing command: " + (e instanceof AccessDeniedException ? "access denied: " : "")
                + message;
        return new CommandException(line, message, e);
    }
}
