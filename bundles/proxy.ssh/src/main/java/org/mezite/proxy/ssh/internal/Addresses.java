package org.mezite.proxy.ssh.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Addresses as users and audit records show them: {@code 192.0.2.7:51234}, {@code [2001:db8::7]:51234}. */
final class Addresses {

    private Addresses() {
    }

    static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
