package org.mezite.proxy.ssh.internal;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.SshUser;
import org.mezite.api.recording.RecordingInfo;
import org.mezite.api.recording.Recordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code recordings ls [--format json|text] [--limit N]}: the newest recordings, for users whose roles allow
 * {@code list} on {@code session} (see {@link RecordingListing}).
 */
final class RecordingListCommand extends ProxyCommand {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingListCommand.class);

    private final RecordingAccess access;
    private final RecordingRequest.ListRecordings request;

    RecordingListCommand(RecordingAccess access, RecordingRequest.ListRecordings request) {
        this.access = access;
        this.request = request;
    }

    @Override
    public void start(ChannelSession session, Environment environment) {
        try {
            access.executor().execute(() -> list(session));
        } catch (RejectedExecutionException e) {
            fail("the proxy is shutting down");
        }
    }

    private void list(ChannelSession session) {
        String text;
        try {
            SshUser user = ProxySessions.user(session.getSession());
            AccessDecision decision = access.check(user, "list");
            if (!decision.allowed()) {
                LOG.info("proxy-ssh: {} may not list recordings: {}", user.username(), decision.reason());
                fail("access denied: " + decision.reason());
                return;
            }
            Recordings recordings = access.recordings();
            if (recordings == null) {
                fail(RecordingAccess.NOT_AVAILABLE);
                return;
            }
            List<RecordingInfo> listed = recordings.list(request.limit());
            text = request.json() ? RecordingListing.json(listed) : RecordingListing.table(listed);
        } catch (RuntimeException e) {
            LOG.error("proxy-ssh: recordings ls failed", e);
            fail("recordings ls: cannot list the recordings: internal error (see the hub's log)");
            return;
        }
        succeed(text);
    }
}
