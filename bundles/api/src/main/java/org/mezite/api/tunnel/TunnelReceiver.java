package org.mezite.api.tunnel;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ConsumerType;

/** Takes the bytes that come from the node on a {@link TunnelConnection}. */
@ConsumerType
public interface TunnelReceiver {

    /**
     * Bytes from the node. No more are delivered until {@code consumed} runs, which gives back-pressure to the agent.
     */
    void onData(ByteBuffer data, Runnable consumed);

    /** The node ended its direction (EOF). */
    void onEnd();

    /** The connection broke; nothing more is delivered. */
    void onError(Throwable cause);
}
