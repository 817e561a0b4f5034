package org.mezite.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.api.action.Completion;
import org.mezite.api.ca.CaPublicIdentity;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.store.CaType;

@Service
@Command(scope = "mezite", name = "ca-export", description = "Prints a CA's public key: a TrustedUserCAKeys line (user CA), an @cert-authority known_hosts line (host CA), or the X.509 certificate (--format tls)")
public class CaExportCommand implements Action {

    @Option(name = "--type", required = true, description = "user or host")
    @Completion(values = {"user", "host"}, value = StringsCompleter.class)
    String type;

    @Option(name = "--format", description = "openssh (default) or tls (the CA's X.509 certificate in PEM)")
    @Completion(values = {"openssh", "tls"}, value = StringsCompleter.class)
    String format = "openssh";

    @Option(name = "--hosts", description = "known_hosts host patterns for the host CA's @cert-authority line")
    String hosts = "*";

    @Reference
    CertificateAuthorities authorities;

    @Override
    public Object execute() {
        CaType caType = switch (type) {
            case "user" -> CaType.USER;
            case "host" -> CaType.HOST;
            default -> throw new IllegalArgumentException("--type: \"" + type + "\" is not one of user, host");
        };
        CaPublicIdentity ca = authorities.authority(caType);
        switch (format) {
            case "openssh" -> System.out.println(caType == CaType.HOST ? ca.certAuthorityLine(hosts) : ca.authorizedKey());
            case "tls" -> System.out.print(ca.certificatePem());
            default -> throw new IllegalArgumentException("--format: \"" + format + "\" is not one of openssh, tls");
        }
        return null;
    }
}
