package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.hub.HubStatusService;

@Service
@Command(scope = "mezite", name = "status", description = "Shows the cluster, services, database, listeners and the state of every Mezite bundle")
public class StatusCommand implements Action {

    @Reference
    HubStatusService statusService;

    @Reference(optional = true)
    CertificateAuthorities authorities;

    @Override
    public Object execute() {
        System.out.print(StatusFormatter.text(statusService.status()));
        if (authorities != null) {
            System.out.print(StatusFormatter.authorities(authorities.all()));
        }
        return null;
    }
}
