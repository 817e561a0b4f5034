package org.mezite.client;

import java.io.IOException;
import java.util.List;

/** The hub's session recordings through the proxy: {@code msh recordings ...} and {@code msh play SESSION_ID}. */
final class HubRecordings {

    /** What to do with a recording's bytes as they arrive. */
    interface Use {
        void accept(ProxyCommandOutput recording) throws IOException, InterruptedException;
    }

    private HubRecordings() {
    }

    /** The newest recordings, as a table or JSON. */
    static String list(MshContext context, int limit, boolean json) {
        Credentials credentials = Credentials.load(context.home(), context.clock().instant());
        List<RecordingInfo> recordings;
        try (ClusterConnection cluster = ClusterConnection.open(context.home(), credentials,
                ClusterConnection.Options.NONE)) {
            recordings = RecordingInfo.parseList(cluster.proxyCommand("recordings ls --format json --limit "
                    + limit));
        }
        return json ? RecordingInfo.json(recordings) : RecordingInfo.table(recordings);
    }

    /**
     * Streams the stored recording (gzip-compressed asciicast) of the session to {@code use} as it arrives, then
     * checks that the proxy sent all of it.
     *
     * @throws MshException with the proxy's reason when it refused (access denied, no such recording) or failed
     */
    static void fetch(MshContext context, String sessionId, Use use) throws IOException, InterruptedException {
        Credentials credentials = Credentials.load(context.home(), context.clock().instant());
        try (ClusterConnection cluster = ClusterConnection.open(context.home(), credentials,
                ClusterConnection.Options.NONE);
                ProxyCommandOutput recording = cluster.proxyOutput(RecordingTarget.getCommand(sessionId))) {
            use.accept(recording);
            recording.finish();
        }
    }
}
