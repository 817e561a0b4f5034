package org.mezite.shell.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The address people and agents type to reach one of this hub's listeners, for the commands the console prints: the
 * listen address itself, or this machine's host name when it listens on every interface.
 */
final class ReachableAddress {

    private ReachableAddress() {
    }

    static String of(InetSocketAddress listen) {
        String host = listen.getHostString();
        if (listen.getAddress() != null && listen.getAddress().isAnyLocalAddress()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + listen.getPort();
    }
}
