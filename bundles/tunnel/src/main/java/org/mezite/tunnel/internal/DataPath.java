package org.mezite.tunnel.internal;

import org.mezite.proto.tunnel.v1.DataFrame;

/**
 * The sizes of the tunnel's data path, the same on both sides, and its one frame that is not data.
 *
 * <p>Back-pressure is per connection: each dialled connection is its own HTTP/2 stream whose window
 * ({@link #STREAM_WINDOW}) bounds the bytes in flight toward a reader that has not taken them, like an SSH channel
 * window. gRPC's Netty transport refills the HTTP/2 connection's own window as data arrives, so a reader that stalls
 * with a full stream window holds back only its own connection ({@code TunnelTest} checks it).
 */
final class DataPath {

    /** The most bytes one frame carries. */
    static final int MAX_CHUNK = 64 * 1024;
    /** Bytes of one connection that may be in flight toward a reader that has not taken them yet. */
    static final int STREAM_WINDOW = 2 * 1024 * 1024;
    /** Bytes a sender may queue in gRPC beyond what the window lets through before it waits for {@code onReady}. */
    static final int ON_READY_THRESHOLD = 256 * 1024;
    /** The largest message either side accepts: a frame with {@link #MAX_CHUNK} bytes and room to spare. */
    static final int MAX_MESSAGE = 1024 * 1024;

    /**
     * The proxy's end of its direction (EOF): a frame with neither field set. The agent ends its direction by
     * half-closing the stream; the proxy cannot, because a gRPC server that completes its side ends the whole call,
     * so it sends this and ends the call once both directions are done.
     */
    static final DataFrame END = DataFrame.getDefaultInstance();

    private DataPath() {
    }

    /** Whether a frame is {@link #END}. */
    static boolean isEnd(DataFrame frame) {
        return frame.getFrameCase() == DataFrame.FrameCase.FRAME_NOT_SET;
    }
}
