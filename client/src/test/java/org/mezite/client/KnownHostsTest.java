package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsTest {

    private static final String CA = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeFakeFakeFakeFakeFakeFake prod host CA";

    @TempDir
    Path dir;

    @Test
    void theCaVouchesForTheClustersNamesAndTheProxyOnly() {
        assertThat(KnownHosts.patterns("prod", "proxy.example.com:3023"))
                .isEqualTo("*.prod,prod,[proxy.example.com]:3023");
        assertThat(KnownHosts.patterns("prod", "proxy.example.com:22")).isEqualTo("*.prod,prod,proxy.example.com");
        assertThat(KnownHosts.patterns("prod", "[::1]:3023")).isEqualTo("*.prod,prod,[::1]:3023");
        assertThat(KnownHosts.line("*.prod,prod", CA)).isEqualTo("@cert-authority *.prod,prod " + CA);
    }

    @Test
    void updatingReplacesOnlyTheClustersLine() throws Exception {
        MshHome home = new MshHome(dir);
        Files.writeString(home.knownHosts(), "# mine\n@cert-authority *.staging,staging ssh-ed25519 AAAA staging\n"
                + "@cert-authority *.prod,prod ssh-ed25519 OLD prod host CA\n");

        KnownHosts.update(home, "prod", KnownHosts.line("*.prod,prod", CA));

        assertThat(Files.readAllLines(home.knownHosts())).containsExactly("# mine",
                "@cert-authority *.staging,staging ssh-ed25519 AAAA staging", "@cert-authority *.prod,prod " + CA);
    }
}
