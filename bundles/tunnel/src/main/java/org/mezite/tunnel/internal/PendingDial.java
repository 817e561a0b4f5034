package org.mezite.tunnel.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import org.mezite.api.tunnel.TunnelConnection;

/**
 * A dial sent to an agent and not answered yet.
 *
 * @param id      the connection id in the DialRequest
 * @param tunnel  the tunnel it was sent on
 * @param result  completes with the connection once the agent opens its data stream
 * @param timeout fails it when the agent does not answer in time
 */
record PendingDial(long id, ProxyTunnel tunnel, CompletableFuture<TunnelConnection> result,
        ScheduledFuture<?> timeout) {
}
