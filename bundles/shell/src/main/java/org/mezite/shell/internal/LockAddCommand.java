package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mezite.api.admin.LockAdmin;
import org.mezite.api.store.Lock;

@Service
@Command(scope = "mezite", name = "lock-add", description = "Locks a user, role, login or node: new logins, certificates and connections are refused and live sessions end, showing the message")
public class LockAddCommand extends ConsoleCommand {

    @Option(name = "--user", description = "Lock this user")
    @Completion(UserNameCompleter.class)
    String user;

    @Option(name = "--role", description = "Lock everyone with this role")
    @Completion(RoleNameCompleter.class)
    String role;

    @Option(name = "--login", description = "Lock this Unix login on every node")
    String login;

    @Option(name = "--node", description = "Lock this node (its name or id)")
    @Completion(NodeNameCompleter.class)
    String node;

    @Option(name = "--ttl", description = "How long the lock holds, e.g. 30m, 1h, 7d (default: until mezite:lock-rm)")
    String ttl;

    @Option(name = "--message", description = "What the locked-out user is told")
    String message;

    @Reference
    LockAdmin locks;

    @Override
    protected Object run() {
        Lock lock = locks.add(caller(), LockTargets.of(user, role, login, node), message,
                ttl == null ? null : Durations.parse("--ttl", ttl));
        System.out.print(LockViews.added(lock));
        return null;
    }
}
