package org.mezite.shell.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.mezite.api.admin.AuditAdmin;
import org.mezite.api.store.AuditChainCheck;

@Service
@Command(scope = "mezite", name = "audit-verify", description = "Recomputes the audit log's hash chain and reports the first event that was changed, removed or inserted; fails when the chain is broken")
public class AuditVerifyCommand extends ConsoleCommand {

    @Option(name = "--since", description = "Check from the first event at or after this time: a time ago (1h, 7d) or ISO-8601. Default: the whole log")
    String since;

    @Argument(index = 0, name = "options", multiValued = true, description = "--since, in either order")
    List<String> trailing;

    @Reference
    AuditAdmin audit;

    @Override
    protected Object run() throws CommandException {
        Map<String, String> more = TrailingOptions.parse(trailing, Set.of("--since"));
        String from = more.getOrDefault("--since", since);
        AuditChainCheck check = audit.verify(caller(),
                from == null ? null : PointsInTime.parse("--since", from, Instant.now()));
        System.out.println(AuditViews.verified(check));
        if (!check.intact()) {
            // a script (bin/client "mezite:audit-verify") sees a non-zero exit status
            throw new CommandException("Error executing command: the audit chain is broken at event "
                    + check.brokenAt(), "the audit chain is broken at event " + check.brokenAt());
        }
        return null;
    }
}
