package org.mezite.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.admin.LockAdmin;
import org.mezite.api.store.Lock;

@Service
@Command(scope = "mezite", name = "lock-list", description = "Lists the locks in force, newest first: target, message, expiry, who made it")
public class LockListCommand extends ConsoleCommand {

    @Option(name = "--format", description = "text or json")
    @Completion(values = {"text", "json"}, value = StringsCompleter.class)
    String format = "text";

    @Reference
    LockAdmin locks;

    @Override
    protected Object run() {
        boolean json = Output.json(format);
        List<Lock> all = locks.list(caller());
        System.out.print(json ? Output.toJson(all.stream().map(LockViews::json).toList()) + "\n"
                : LockViews.table(all));
        return null;
    }
}
