package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mezite.api.admin.LockAdmin;

@Service
@Command(scope = "mezite", name = "lock-rm", description = "Removes a lock (by its id from mezite:lock-list)")
public class LockRemoveCommand extends ConsoleCommand {

    @Argument(index = 0, name = "id", required = true, description = "The lock's id")
    @Completion(LockIdCompleter.class)
    String id;

    @Reference
    LockAdmin locks;

    @Override
    protected Object run() {
        locks.remove(caller(), id);
        System.out.println("Lock " + id + " removed.");
        return null;
    }
}
