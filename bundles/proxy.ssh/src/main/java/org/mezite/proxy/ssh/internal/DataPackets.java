package org.mezite.proxy.ssh.internal;

import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * {@code SSH_MSG_CHANNEL_DATA} packets built in the session's own packet buffers. MINA's channel output sends such a
 * buffer as it is when it fits the client's packet size and window (it fills in the channel number and length, and
 * the session encrypts it in place), instead of copying the bytes into a packet of its own.
 */
final class DataPackets {

    /** The packet type, the recipient channel and the data length, which the channel fills in. */
    private static final int CHANNEL_DATA_HEADER = 1 + 4 + 4;

    private DataPackets() {
    }

    /** A packet buffer with room for {@code length} data bytes, its write position where they go. */
    static Buffer buffer(Channel channel, int length) {
        Buffer buffer = channel.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_DATA,
                length + CHANNEL_DATA_HEADER);
        buffer.putUInt(0); // recipient channel
        buffer.putUInt(0); // data length
        return buffer;
    }

    /** The largest data packet the client takes on the channel. */
    static int clientPacketSize(Channel channel) {
        return (int) Math.min(Integer.MAX_VALUE, channel.getRemoteWindow().getPacketSize());
    }
}
