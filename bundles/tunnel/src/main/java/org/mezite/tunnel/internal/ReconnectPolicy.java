package org.mezite.tunnel.internal;

import java.time.Duration;

/**
 * The agent side's clocks.
 *
 * @param initialBackoff the largest first wait before reconnecting
 * @param maxBackoff     the cap of the waits, so that a restarted hub is not stampeded but agents come back soon
 * @param helloTimeout   how long the agent waits for the proxy's hello before it tries again
 */
record ReconnectPolicy(Duration initialBackoff, Duration maxBackoff, Duration helloTimeout) {

    static final ReconnectPolicy DEFAULT = new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofSeconds(30));
}
