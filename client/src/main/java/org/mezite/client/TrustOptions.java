package org.mezite.client;

import java.io.PrintWriter;

import picocli.CommandLine.Option;

/** {@code --ca-pin} and {@code --insecure}, shared by the commands that talk to the proxy. */
final class TrustOptions {

    @Option(names = "--ca-pin", paramLabel = "sha256:HEX",
            description = "Trust the proxy if its certificate comes from the cluster CA with this key pin"
                    + " (mezite:status prints it on the hub). Remembered for later logins to the same proxy.")
    String caPin;

    @Option(names = "--insecure", description = "Do not verify the proxy's certificate. For test setups only.")
    boolean insecure;

    /**
     * @param remembered the pin of an earlier login to the same proxy, or {@code null}
     * @param err        where the warning about {@code --insecure} goes
     */
    ProxyTrust resolve(CaPin remembered, PrintWriter err) {
        if (caPin != null && insecure) {
            throw MshException.usage("--ca-pin and --insecure exclude each other");
        }
        if (insecure) {
            err.println("msh: WARNING: --insecure: the proxy's certificate is not verified; whoever sits between you"
                    + " and the proxy can read your password");
            err.flush();
            return new ProxyTrust(null, true);
        }
        if (caPin != null) {
            return new ProxyTrust(CaPin.parse(caPin), false);
        }
        return remembered != null ? new ProxyTrust(remembered, false) : ProxyTrust.system();
    }
}
