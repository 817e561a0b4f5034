package org.mezite.client;

import java.io.IOException;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", description = {"Save a session's recording to a file.",
    "Writes asciicast v2, which msh play FILE and asciinema play, cat and upload read; gzip-compressed when FILE ends"
            + " in .gz. An existing FILE is replaced only with --force."})
final class RecordingsExportCommand implements Callable<Integer> {

    @ParentCommand
    private RecordingsCommand recordings;

    @Parameters(index = "0", paramLabel = "SESSION_ID", description = "The recorded session (see msh recordings ls)")
    String sessionId;

    @Parameters(index = "1", paramLabel = "FILE", description = "Where to write it, e.g. session.cast or"
            + " session.cast.gz")
    String file;

    @Option(names = {"-f", "--force"}, description = "Replace FILE if it exists")
    boolean force;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String id = RecordingTarget.sessionId(sessionId);
        RecordingExport export = RecordingExport.to(file, force);
        HubRecordings.fetch(recordings.context(), id, recording -> export.write(recording, recording::finish));
        return 0;
    }
}
