package org.mezite.api.tunnel;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One connection to a node through its tunnel, with back-pressure in both directions: {@link #write} completes only
 * when the tunnel can take more, and the receiver gets the next bytes only after it has said it consumed the last.
 */
@ProviderType
public interface TunnelConnection {

    /** Starts delivering the node's bytes to the receiver; called once. */
    void start(TunnelReceiver receiver);

    /**
     * Sends bytes to the node. The caller must not write again before the returned future completes.
     *
     * @return completes when the bytes are handed to the transport and it is ready for more; fails when the
     *         connection is gone
     */
    CompletableFuture<Void> write(ByteBuffer data);

    /** Ends the direction toward the node (EOF); bytes from the node still flow. */
    void shutdownOutput();

    /** Aborts both directions; idempotent. */
    void close();
}
