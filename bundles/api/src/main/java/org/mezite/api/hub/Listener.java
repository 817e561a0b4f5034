package org.mezite.api.hub;

import java.net.InetSocketAddress;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A network listener that a bundle has bound. Servers register one as a service while they listen, so that status
 * reports show what is really open rather than what the configuration asked for.
 */
@ConsumerType
public interface Listener {

    /** A short name: {@code auth-grpc}, {@code proxy-ssh}, ... */
    String name();

    /** The protocol spoken, e.g. {@code grpc}, {@code https}, {@code ssh}. */
    String protocol();

    /** The bound address (with the real port when 0 was asked for). */
    InetSocketAddress address();
}
