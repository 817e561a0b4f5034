package org.mezite.tunnel.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.mezite.api.tunnel.TunnelReceiver;

/** Takes what the node sends: counts it, hashes it, and consumes it at once unless told to stall. */
final class Collector implements TunnelReceiver {

    final CompletableFuture<Void> ended = new CompletableFuture<>();
    final CompletableFuture<Void> firstBytes = new CompletableFuture<>();
    private final AtomicLong received = new AtomicLong();
    private final MessageDigest sha256;
    private final List<Runnable> held = new ArrayList<>();
    private final boolean stall;

    private Collector(boolean stall) {
        this.stall = stall;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Consumes everything at once. */
    static Collector eager() {
        return new Collector(false);
    }

    /** Never says it consumed anything: a user whose terminal stopped reading. */
    static Collector stalled() {
        return new Collector(true);
    }

    @Override
    public synchronized void onData(ByteBuffer data, Runnable consumed) {
        received.addAndGet(data.remaining());
        sha256.update(data);
        firstBytes.complete(null);
        if (stall) {
            held.add(consumed);
        } else {
            consumed.run();
        }
    }

    @Override
    public void onEnd() {
        ended.complete(null);
    }

    @Override
    public void onError(Throwable cause) {
        firstBytes.completeExceptionally(cause);
        ended.completeExceptionally(cause);
    }

    long received() {
        return received.get();
    }

    synchronized String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
