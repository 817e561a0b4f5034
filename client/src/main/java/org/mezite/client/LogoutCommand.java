package org.mezite.client;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "logout", description = "Remove the key and certificates of the current login.")
final class LogoutCommand implements Callable<Integer> {

    @ParentCommand
    private Msh msh;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        MshHome home = msh.context().home();
        PrintWriter out = spec.commandLine().getOut();
        Optional<Profile> profile = Profile.read(home.profile());
        if (profile.isEmpty()) {
            out.println("Not logged in.");
            out.flush();
            return 0;
        }
        Path key = home.dir().resolve(profile.get().key()).normalize();
        if (!key.startsWith(home.dir())) {
            throw MshException.failed(home.profile() + " names a key outside " + home.dir() + "; not removing it");
        }
        MshHome.KeyFiles files = MshHome.KeyFiles.of(key);
        for (Path file : List.of(files.key(), files.publicKey(), files.certificate(), files.x509Certificate())) {
            Files.deleteIfExists(file);
        }
        try {
            Files.deleteIfExists(key.getParent());
        } catch (DirectoryNotEmptyException e) {
            // another user's keys for the same proxy
        }
        Files.delete(home.profile());
        out.println("Logged out " + profile.get().user() + " from " + profile.get().proxy()
                + ": removed the key and its certificates.");
        out.flush();
        return 0;
    }
}
