package org.mezite.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code msh recordings ls|export}: the hub's session recordings. */
@Command(name = "recordings", description = {"List and export session recordings.",
    "Recordings of interactive sessions are kept at the hub; listing them needs the session resource's list verb in"
            + " your roles' rules, exporting (and playing) its read verb."},
        subcommands = {RecordingsLsCommand.class, RecordingsExportCommand.class}, synopsisSubcommandLabel = "COMMAND")
final class RecordingsCommand {

    @ParentCommand
    private Msh msh;

    MshContext context() {
        return msh.context();
    }
}
