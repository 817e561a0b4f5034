package org.mezite.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "play", description = {"Play a session recording.",
    "Plays a recording kept at the hub, streamed as it plays (needs the session resource's read verb), or a file"
            + " exported with msh recordings export (.cast or .cast.gz), offline. --format pty replays the output with"
            + " its timing; json prints the asciicast lines and text the output without terminal escape sequences,"
            + " both at once."})
final class PlayCommand implements Callable<Integer> {

    @ParentCommand
    private Msh msh;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SESSION_ID|FILE", description = "A recorded session's id, or a recording file")
    String recording;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Play X times as fast, from 0.5 to 8 (default 1; pty only)")
    String speed;

    @Option(names = "--skip-idle", description = "Cut pauses longer than a second to a second (pty only)")
    boolean skipIdle;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "pty",
            description = "pty, json or text (default pty)")
    String format;

    @Override
    public Integer call() throws IOException, InterruptedException {
        RecordingPlayer.Options options = new RecordingPlayer.Options(RecordingPlayer.Format.parse(format),
                RecordingPlayer.speed(speed), skipIdle);
        RecordingTarget target = RecordingTarget.of(recording);
        MshContext context = msh.context();
        RecordingPlayer player = new RecordingPlayer(options, PlaybackClock.system());
        if (target.file() != null) {
            try (InputStream in = Files.newInputStream(target.file())) {
                play(player, options, context, in, target.file().toString());
            }
        } else {
            HubRecordings.fetch(context, target.sessionId(), stream -> play(player, options, context, stream,
                    "the recording of session " + target.sessionId()));
        }
        return 0;
    }

    private void play(RecordingPlayer player, RecordingPlayer.Options options, MshContext context, InputStream in,
            String name) throws IOException, InterruptedException {
        try (AsciicastReader reader = new AsciicastReader(RecordingBytes.text(in), name)) {
            if (options.format() == RecordingPlayer.Format.PTY) {
                noteTheSize(reader.header(), context);
            }
            OutputStream out = context.stdio().out();
            player.play(reader, out);
            if (reader.endedInAPartialLine()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("msh: " + name + " ends in the middle of an event: the session was cut off");
                err.flush();
            }
        } catch (java.util.zip.ZipException e) {
            throw MshException.failed(name + " is not a readable recording: " + e.getMessage());
        }
    }

    /** When a person watches: the terminal size the session had, if this terminal's differs. */
    private void noteTheSize(AsciicastReader.Header header, MshContext context) {
        if (header.width() == 0 || header.height() == 0 || !context.stdio().terminal()
                || !Terminal.stdoutIsTerminal()) {
            return;
        }
        Terminal terminal = Terminal.controlling();
        int[] size = terminal == null ? null : terminal.size();
        if (size != null && (size[0] != header.width() || size[1] != header.height())) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("msh: recorded at " + header.width() + "x" + header.height() + ", this terminal is "
                    + size[0] + "x" + size[1]);
            err.flush();
        }
    }
}
