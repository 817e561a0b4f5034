package org.mezite.ca.tls;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** Socket addresses the way operators write them in the configuration. */
public final class Addresses {

    private Addresses() {
    }

    /** {@code 127.0.0.1:3025}, {@code [::1]:3025}, {@code auth.example.com:3025}. */
    public static String format(InetSocketAddress address) {
        String host = address.getHostString();
        if (address.getAddress() instanceof Inet6Address || host.contains(":")) {
            host = "[" + host + "]";
        }
        return host + ":" + address.getPort();
    }
}
