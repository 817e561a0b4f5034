package org.mezite.ca.tls;

import java.net.InetSocketAddress;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;

import org.mezite.api.hub.Listener;

/**
 * A socket a server has bound, as published to status reports.
 *
 * @param name     a short name: {@code auth-grpc}, {@code proxy-tunnel}, ...
 * @param protocol the protocol spoken, e.g. {@code grpc}
 * @param address  the bound address, with the real port when 0 was asked for
 */
public record BoundListener(String name, String protocol, InetSocketAddress address) implements Listener {

    public BoundListener {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
    }

    /** The properties to register the {@link Listener} service with, so that it can be found by name. */
    public Dictionary<String, Object> serviceProperties() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("mezite.listener.name", name);
        properties.put("mezite.listener.protocol", protocol);
        return properties;
    }
}
