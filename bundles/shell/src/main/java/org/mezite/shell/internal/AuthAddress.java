package org.mezite.shell.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.mezite.api.hub.HubSettings;

/** The Auth address agents dial, for the configuration the console prints. */
final class AuthAddress {

    private AuthAddress() {
    }

    static String of(HubSettings settings) {
        InetSocketAddress listen = settings.authListen();
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
