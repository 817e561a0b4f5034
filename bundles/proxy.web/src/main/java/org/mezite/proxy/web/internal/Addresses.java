package org.mezite.proxy.web.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** Socket addresses the way operators write them in the configuration. */
final class Addresses {

    private Addresses() {
    }

    /** {@code 127.0.0.1:3080}, {@code [::1]:3080}, {@code proxy.example.com:3080}. */
    static String format(InetSocketAddress address) {
        String host = address.getHostString();
        if (address.getAddress() instanceof Inet6Address || host.contains(":")) {
            host = "[" + host + "]";
        }
        return host + ":" + address.getPort();
    }
}
