package org.mezite.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;

/**
 * The standard output of a proxy command as it arrives, for output too large to hold (a recording): reading it takes
 * the data off the channel, and the channel's window holds the proxy back while msh does not read. At the end of the
 * output the command's exit status is checked, so a command that failed (after writing some of its output or none)
 * ends the stream with an {@link MshException} carrying the proxy's reason rather than with a quiet end.
 */
final class ProxyCommandOutput extends InputStream {

    private final ChannelExec channel;
    private final InputStream data;
    private final ByteArrayOutputStream errors;
    private final String command;
    private final ProxyAddress proxy;
    private boolean ended;

    ProxyCommandOutput(ChannelExec channel, InputStream data, ByteArrayOutputStream errors, String command,
            ProxyAddress proxy) {
        this.channel = channel;
        this.data = data;
        this.errors = errors;
        this.command = command;
        this.proxy = proxy;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** @throws MshException at the end of the output when the command failed */
    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int count = data.read(buffer, offset, length);
        if (count < 0) {
            end();
        }
        return count;
    }

    /**
     * Reads whatever is left and checks that the command succeeded: for a reader that stops at the end of what it
     * understands (a gzip stream), which may be just before the end of the output.
     *
     * @throws MshException when the command failed
     */
    void finish() throws IOException {
        byte[] rest = new byte[8192];
        while (read(rest, 0, rest.length) >= 0) {
            // the proxy's output ends here; anything after the recording is not played
        }
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), ClusterConnection.TIMEOUT);
        Integer status = channel.getExitStatus();
        if (status != null && status == 0) {
            return;
        }
        String reason = ClusterConnection.firstLine(errors.toString(StandardCharsets.UTF_8));
        if (!reason.isEmpty()) {
            throw MshException.failed(reason);
        }
        if (status == null) {
            throw new MshException(MshException.CONNECTION, "the connection to the proxy at " + proxy
                    + " ended before \"" + command + "\" finished");
        }
        throw MshException.failed("the proxy could not run \"" + command + "\" (exit status " + status + ")");
    }

    @Override
    public void close() {
        channel.close(false);
    }
}
