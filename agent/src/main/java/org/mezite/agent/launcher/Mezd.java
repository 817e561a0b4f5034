package org.mezite.agent.launcher;

import java.net.URISyntaxException;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mezd}, the Mezite agent: a small embedded OSGi runtime with the agent's bundles. */
@Command(name = "mezd", mixinStandardHelpOptions = true, versionProvider = Mezd.Version.class,
        description = "The Mezite agent: makes this node reachable over SSH through the hub.",
        synopsisSubcommandLabel = "COMMAND")
public final class Mezd {

    /** Set by {@code bin/mezd}: the installation folder, holding {@code bin/}, {@code lib/} and {@code bundles/}. */
    static final String HOME_PROPERTY = "mezd.home";

    public static void main(String[] args) {
        System.exit(commandLine(home()).execute(args));
    }

    static CommandLine commandLine(Path home) {
        String version = MezdVersion.current();
        return new CommandLine(new Mezd())
                .addSubcommand(new VersionCommand(version))
                .addSubcommand(new StartCommand(home));
    }

    private static Path home() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null) {
            return Path.of(home);
        }
        try {
            // lib/mezd-VERSION.jar -> the installation folder
            return Path.of(Mezd.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent()
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where mezd is installed; set -D" + HOME_PROPERTY, e);
        }
    }

    /** For {@code mezd --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mezd " + MezdVersion.current()};
        }
    }
}
