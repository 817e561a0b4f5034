package org.mezite.proxy.ssh.internal;

import java.net.InetSocketAddress;

import org.mezite.api.hub.Listener;

/** A socket this bundle has bound, as published to status reports. */
record BoundListener(String name, String protocol, InetSocketAddress address) implements Listener {
}
