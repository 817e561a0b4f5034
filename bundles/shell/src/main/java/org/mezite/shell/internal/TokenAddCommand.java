package org.mezite.shell.internal;

import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.mezite.api.admin.TokenAdmin;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.join.IssuedJoinToken;
import org.mezite.api.join.JoinTokenRequest;
import org.mezite.api.join.JoinTokenType;
import org.mezite.api.store.CaType;

@Service
@Command(scope = "mezite", name = "token-add", description = "Creates a one-time join token and prints the mezd configuration that uses it")
public class TokenAddCommand extends ConsoleCommand {

    @Option(name = "--type", description = "What joins with it: node")
    @Completion(values = {"node"}, value = StringsCompleter.class)
    String type = "node";

    @Option(name = "--ttl", description = "How long it stays usable, e.g. 30m (default), 2h; at most 7d")
    String ttl = "30m";

    @Option(name = "--labels", description = "Labels the node gets, e.g. env=dev,team=a")
    String labels = "";

    @Reference
    TokenAdmin tokens;

    @Reference
    HubSettings settings;

    @Reference
    CertificateAuthorities authorities;

    @Override
    protected Object run() {
        Map<String, String> labelMap = Labels.parse("--labels", labels);
        IssuedJoinToken issued = tokens.add(caller(), new JoinTokenRequest(JoinTokenType.fromId(type),
                Durations.parse("--ttl", ttl), labelMap));
        String pin = authorities.authority(CaType.HOST).tlsPin();
        StringBuilder out = new StringBuilder();
        out.append("Join token: ").append(issued.token()).append('\n');
        out.append("It works once, until ").append(Times.UTC.format(issued.info().expiresAt()))
                .append(labelMap.isEmpty() ? "" : ", and gives the node the labels " + Labels.format(labelMap))
                .append(".\n");
        out.append("On the node, write /etc/mezite/mezd.conf:\n");
        out.append("  node_name = NODE-NAME\n");
        out.append("  hub = ").append(ReachableAddress.of(settings.authListen())).append('\n');
        out.append("  token = ").append(issued.token()).append('\n');
        out.append("  ca_pin = ").append(pin).append('\n');
        out.append("and run, as root:\n");
        out.append("  mezd start --config /etc/mezite/mezd.conf\n");
        System.out.print(out);
        return null;
    }
}
