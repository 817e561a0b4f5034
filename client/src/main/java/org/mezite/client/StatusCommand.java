package org.mezite.client;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "Show who you are logged in as, where, and until when.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    private Msh msh;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        MshContext context = msh.context();
        Profile profile = Profile.read(context.home().profile()).orElseThrow(() -> MshException.failed(
                "not logged in; run msh login --proxy HOST:3080 --user NAME"));
        Path key = context.home().dir().resolve(profile.key());
        Path certificateFile = MshHome.KeyFiles.of(key).certificate();
        SshCertificateInfo certificate;
        try {
            certificate = SshCertificateInfo.parse(Files.readString(certificateFile, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw MshException.failed("not logged in: " + certificateFile + " is gone; run msh login");
        } catch (IllegalArgumentException e) {
            throw MshException.failed(certificateFile + " is not a certificate msh can read (" + e.getMessage()
                    + "); run msh login");
        }
        Instant now = context.clock().instant();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Proxy:        " + profile.proxy() + (profile.caPin() == null ? "" : " (CA pin " + profile.caPin()
                + ")"));
        out.println("Cluster:      " + profile.cluster());
        out.println("User:         " + certificate.user());
        out.println("Roles:        " + (certificate.roles().isEmpty() ? "(none)" : String.join(", ",
                certificate.roles())));
        out.println("Logins:       " + String.join(", ", certificate.principals()));
        out.println("Valid until:  " + Times.format(certificate.validBefore()) + (certificate.expiredAt(now)
                ? " (expired)" : " (" + Times.format(Duration.between(now, certificate.validBefore())) + " left)"));
        out.println("Key:          " + key);
        out.flush();
        return 0;
    }
}
