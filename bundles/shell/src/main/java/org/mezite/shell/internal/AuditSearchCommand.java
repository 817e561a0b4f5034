package org.mezite.shell.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.admin.AuditAdmin;
import org.mezite.api.store.AuditEvent;

@Service
@Command(scope = "mezite", name = "audit-search", description = "Lists audit events, oldest first, one per line: time, id, type, result, user, login, node, session, details")
public class AuditSearchCommand extends ConsoleCommand {

    @Option(name = "--since", description = "Events at or after this time: a time ago (30m, 1h, 7d) or ISO-8601 (2030-01-02T03:04:05Z). Default: the last --limit events")
    String since;

    @Option(name = "--until", description = "Events before this time: a time ago or ISO-8601")
    String until;

    @Option(name = "--type", description = "Events of this type, e.g. session.start, user.login, admin.access")
    String type;

    @Option(name = "--user", description = "Events of this Mezite user")
    @Completion(UserNameCompleter.class)
    String user;

    @Option(name = "--session", description = "Events of this session id")
    String session;

    @Option(name = "--limit", description = "The most events to show, 1 to 10000 (default 500)")
    String limit;

    @Option(name = "--format", description = "text or json")
    @Completion(values = {"text", "json"}, value = StringsCompleter.class)
    String format = "text";

    @Argument(index = 0, name = "options", multiValued = true, description = "The options, in any order")
    List<String> trailing;

    @Reference
    AuditAdmin audit;

    @Override
    protected Object run() {
        Map<String, String> more = TrailingOptions.parse(trailing,
                Set.of("--since", "--until", "--type", "--user", "--session", "--limit", "--format"));
        boolean json = Output.json(more.getOrDefault("--format", format));
        AuditSearch search = AuditSearch.of(more.getOrDefault("--since", since), more.getOrDefault("--until", until),
                more.getOrDefault("--type", type), more.getOrDefault("--user", user),
                more.getOrDefault("--session", session), more.getOrDefault("--limit", limit), Instant.now());
        List<AuditEvent> events = new ArrayList<>(audit.search(caller(), search.query()));
        if (search.query().newestFirst()) {
            Collections.reverse(events);
        }
        if (json) {
            System.out.println(Output.toJson(events.stream().map(AuditViews::json).toList()));
        } else {
            events.forEach(e -> System.out.println(AuditViews.line(e)));
            if (events.size() == search.query().limit()) {
                System.err.println("(" + events.size() + " events shown, the --limit; there may be more)");
            }
        }
        return null;
    }
}
