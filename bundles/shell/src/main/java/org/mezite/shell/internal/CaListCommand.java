package org.mezite.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.admin.CaAdmin;
import org.mezite.api.admin.CaInfo;

@Service
@Command(scope = "mezite", name = "ca-list", description = "Lists the cluster's CAs: type, SSH public key and fingerprint, TLS pin (what msh and mezd --ca-pin check)")
public class CaListCommand extends ConsoleCommand {

    @Option(name = "--format", description = "text or json (json adds each CA's X.509 certificate)")
    @Completion(values = {"text", "json"}, value = StringsCompleter.class)
    String format = "text";

    @Reference
    CaAdmin authorities;

    @Override
    protected Object run() {
        boolean json = Output.json(format);
        List<CaInfo> all = authorities.list(caller());
        System.out.print(json ? Output.toJson(all.stream().map(CaViews::json).toList()) + "\n" : CaViews.text(all));
        return null;
    }
}
