package org.mezite.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.ca.CaPublicIdentity;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.hub.HubStatus;
import org.mezite.api.hub.HubStatusService;

/**
 * The hub's health. It reads the CAs' public side directly, not through the admin API, so that it answers as soon as
 * the hub runs, before the access checker and audit are up: start-up scripts poll it.
 */
@Service
@Command(scope = "mezite", name = "status", description = "Shows the cluster, services, database, listeners and the state of every Mezite bundle")
public class StatusCommand extends ConsoleCommand {

    @Option(name = "--format", description = "text or json")
    @Completion(values = {"text", "json"}, value = StringsCompleter.class)
    String format = "text";

    @Reference
    HubStatusService statusService;

    @Reference(optional = true)
    CertificateAuthorities authorities;

    @Override
    protected Object run() {
        boolean json = Output.json(format);
        HubStatus status = statusService.status();
        List<CaPublicIdentity> cas = authorities == null ? List.of() : authorities.all();
        if (json) {
            System.out.println(Output.toJson(StatusFormatter.json(status, cas)));
            return null;
        }
        System.out.print(StatusFormatter.text(status));
        if (authorities != null) {
            System.out.print(StatusFormatter.authorities(cas));
        }
        return null;
    }
}
