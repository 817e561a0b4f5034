package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MshHomeTest {

    @TempDir
    Path dir;

    @Test
    void mshHomeOverridesTheDefaultDirectory() {
        assertThat(MshHome.of(Map.of("MSH_HOME", dir.toString()), "/home/alice").dir()).isEqualTo(dir);
        assertThat(MshHome.of(Map.of(), "/home/alice").dir()).isEqualTo(Path.of("/home/alice/.msh"));
        assertThat(MshHome.of(Map.of("MSH_HOME", " "), "/home/alice").dir()).isEqualTo(Path.of("/home/alice/.msh"));
    }

    @Test
    void filesAndTheDirectoriesToThemAreTheOwnersOnly() throws Exception {
        MshHome home = new MshHome(dir.resolve("msh"));
        Path key = home.key(ProxyAddress.parse("proxy:3080"), "alice");

        home.write(key, "secret");
        home.write(key, "replaced");

        assertThat(key).isEqualTo(dir.resolve("msh/keys/proxy/alice"));
        assertThat(Files.readString(key)).isEqualTo("replaced");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        for (Path directory : new Path[] {dir.resolve("msh"), dir.resolve("msh/keys"), key.getParent()}) {
            assertThat(Files.getPosixFilePermissions(directory)).as(directory.toString())
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
        try (var files = Files.list(key.getParent())) {
            assertThat(files).as("no partial file left behind").containsExactly(key);
        }
    }

    @Test
    void namesFromTheNetworkCannotLeaveTheDirectory() {
        MshHome home = new MshHome(dir);

        assertThat(home.key(new ProxyAddress("..", 3080), "../../etc/passwd").normalize()).startsWithRaw(dir);
        assertThat(MshHome.safe("..")).isEqualTo("_..");
        assertThat(MshHome.safe("a/b")).isEqualTo("a_b");
        assertThat(MshHome.KeyFiles.of(dir.resolve("alice")).certificate()).isEqualTo(dir.resolve("alice-cert.pub"));
    }
}
