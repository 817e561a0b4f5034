package org.mezite.client;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "config", description = {"Print an OpenSSH config block for plain ssh, scp and sftp.",
    "Append it to ~/.ssh/config (or pass it with ssh -F) and plain ssh, scp, sftp and rsync (and tools that run them, like Ansible) reach the nodes"
            + " as NODE.CLUSTER through the proxy, with your msh certificate: ssh LOGIN@NODE.CLUSTER"})
final class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    private Msh msh;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        MshContext context = msh.context();
        Profile profile = Profile.read(context.home().profile())
                .orElseThrow(() -> MshException.failed("not logged in; run msh login"));
        PrintWriter out = spec.commandLine().getOut();
        out.print(OpenSshConfig.block(profile.cluster(), profile.sshAddress(), profile.user(), context.home().knownHosts(),
                context.home().dir().resolve(profile.key())));
        out.flush();
        return 0;
    }
}
