package org.mezite.shell.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.mezite.api.join.JoinTokenInfo;
import org.mezite.api.join.JoinTokens;

@Service
@Command(scope = "mezite", name = "token-list", description = "Lists join tokens (their ids, never the secrets): type, labels, expiry, state")
public class TokenListCommand implements Action {

    @Option(name = "--format", description = "text or json")
    String format = "text";

    @Reference
    JoinTokens tokens;

    @Override
    public Object execute() {
        boolean json = Output.json(format);
        Instant now = Instant.now();
        List<JoinTokenInfo> all = tokens.list().stream().sorted(Comparator.comparing(JoinTokenInfo::expiresAt)).toList();
        if (json) {
            System.out.println(Output.toJson(all.stream().map(t -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", t.id());
                m.put("type", t.type().id());
                m.put("labels", t.labels());
                m.put("created_at", t.createdAt() == null ? null : t.createdAt().toString());
                m.put("expires_at", t.expiresAt().toString());
                m.put("used_at", t.usedAt() == null ? null : t.usedAt().toString());
                m.put("state", t.state(now).id());
                return m;
            }).toList()));
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Type");
        table.column("Labels");
        table.column("Expires");
        table.column("State");
        for (JoinTokenInfo t : all) {
            table.addRow().addContent(t.id(), t.type().id(), Labels.format(t.labels()),
                    TokenAddCommand.UTC.format(t.expiresAt()), t.state(now).id());
        }
        table.print(System.out);
        return null;
    }
}
