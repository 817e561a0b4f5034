package org.mezite.tunnel.internal;

import java.time.Duration;

/**
 * The proxy side's clocks.
 *
 * @param heartbeat     how often agents are asked to send a heartbeat, and how often the proxy sends one; a tunnel
 *                      silent for three periods is dropped
 * @param dialTimeout   how long a dial waits for the agent to open the connection's data stream
 * @param registryCheck how often the proxy checks that the nodes with a tunnel are still registered
 */
record TunnelTimings(Duration heartbeat, Duration dialTimeout, Duration registryCheck) {

    static final TunnelTimings DEFAULT = new TunnelTimings(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofMinutes(1));

    /** Silence after which a tunnel counts as dead. */
    Duration silenceLimit() {
        return heartbeat.multipliedBy(3);
    }
}
