package org.mezite.shell.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.mezite.api.hub.HubSettings;

/** The address users type to reach this hub's proxy, for the commands the console prints. */
final class ProxyAddress {

    private ProxyAddress() {
    }

    static String of(HubSettings settings) {
        InetSocketAddress listen = settings.webListen();
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
