package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.admin.CaAdmin;
import org.mezite.api.admin.CaInfo;
import org.mezite.api.store.CaType;

@Service
@Command(scope = "mezite", name = "ca-export", description = "Prints a CA's public key: a TrustedUserCAKeys line (user CA), an @cert-authority known_hosts line (host CA), or the X.509 certificate (--format tls)")
public class CaExportCommand extends ConsoleCommand {

    @Option(name = "--type", required = true, description = "user or host")
    @Completion(values = {"user", "host"}, value = StringsCompleter.class)
    String type;

    @Option(name = "--format", description = "openssh (default) or tls (the CA's X.509 certificate in PEM)")
    @Completion(values = {"openssh", "tls"}, value = StringsCompleter.class)
    String format = "openssh";

    @Option(name = "--hosts", description = "known_hosts host patterns for the host CA's @cert-authority line")
    String hosts = "*";

    @Reference
    CaAdmin authorities;

    @Override
    protected Object run() {
        CaType caType = CaViews.type(type);
        if (!format.equals("openssh") && !format.equals("tls")) {
            throw new IllegalArgumentException("--format: \"" + format + "\" is not one of openssh, tls");
        }
        CaInfo ca = CaViews.of(authorities.list(caller()), caType);
        if (format.equals("tls")) {
            System.out.print(ca.certificatePem());
        } else {
            System.out.println(caType == CaType.HOST ? CaViews.certAuthorityLine(ca, hosts) : ca.sshPublicKey());
        }
        return null;
    }
}
