package org.mezite.shell.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.admin.TokenAdmin;
import org.mezite.api.join.JoinTokenInfo;

@Service
@Command(scope = "mezite", name = "token-list", description = "Lists join tokens (their ids, never the secrets): type, labels, expiry, state")
public class TokenListCommand extends ConsoleCommand {

    @Option(name = "--format", description = "text or json")
    @Completion(values = {"text", "json"}, value = StringsCompleter.class)
    String format = "text";

    @Reference
    TokenAdmin tokens;

    @Override
    protected Object run() {
        boolean json = Output.json(format);
        Instant now = Instant.now();
        List<JoinTokenInfo> all = tokens.list(caller()).stream()
                .sorted(Comparator.comparing(JoinTokenInfo::expiresAt)).toList();
        System.out.print(json ? Output.toJson(all.stream().map(t -> TokenViews.json(t, now)).toList()) + "\n"
                : TokenViews.table(all, now));
        return null;
    }
}
