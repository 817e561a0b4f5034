package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** msh scp both ways through the stand-in proxy; node-01's SFTP is rooted at its own directory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScpEndToEndTest {

    private Path tmp;
    private TestCluster cluster;
    private Path home;
    private Path local;
    private Path node;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        tmp = dir;
        cluster = new TestCluster(dir);
        node = cluster.node1.home;
    }

    @AfterAll
    void stop() throws Exception {
        cluster.close();
    }

    @BeforeEach
    void login() throws Exception {
        home = cluster.login(tmp);
        local = Files.createTempDirectory(tmp, "local");
    }

    @Test
    void uploadsAFileKeepingItsBytesAndModeAndPrintsNothing() throws Exception {
        Path file = write(local.resolve("big.bin"), 5 * 1024 * 1024 + 3, "rw-r-----");

        MshRun.Result result = TestCluster.msh(home, "scp", file.toString(), "node-01:up.bin");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEmpty();
        assertThat(sha256(node.resolve("up.bin"))).isEqualTo(sha256(file));
        assertThat(mode(node.resolve("up.bin"))).isEqualTo("rw-r-----");
    }

    @Test
    void downloadsAFileIntoADirectoryByItsName() throws Exception {
        Path remote = write(node.resolve("down.bin"), 3 * 1024 * 1024 + 1, "rwxr-x---");

        MshRun.Result result = TestCluster.msh(home, "scp", "alice@node-01:down.bin", local.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(sha256(local.resolve("down.bin"))).isEqualTo(sha256(remote));
        assertThat(mode(local.resolve("down.bin"))).isEqualTo("rwxr-x---");
    }

    @Test
    void copiesDirectoriesBothWaysWithR() throws Exception {
        Files.createDirectories(local.resolve("tree/sub/deeper"));
        Path tree = local.resolve("tree");
        write(local.resolve("tree/a.txt"), 1000, "rw-r--r--");
        write(local.resolve("tree/sub/deeper/b.bin"), 200_000, "rwx------");

        MshRun.Result up = TestCluster.msh(home, "scp", "-r", tree.toString(), "node-01:");
        MshRun.Result down = TestCluster.msh(home, "scp", "-r", "node-01:tree", local.resolve("back").toString());

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(sha256(node.resolve("tree/sub/deeper/b.bin"))).isEqualTo(sha256(tree.resolve("sub/deeper/b.bin")));
        assertThat(sha256(local.resolve("back/a.txt"))).isEqualTo(sha256(tree.resolve("a.txt")));
        assertThat(sha256(local.resolve("back/sub/deeper/b.bin"))).isEqualTo(sha256(tree.resolve("sub/deeper/b.bin")));
        assertThat(mode(local.resolve("back/sub/deeper/b.bin"))).isEqualTo("rwx------");
    }

    @Test
    void severalSourcesGoIntoADirectory() throws Exception {
        Path one = write(local.resolve("one"), 10, "rw-r--r--");
        Path two = write(local.resolve("two"), 20, "rw-r--r--");
        Files.createDirectories(node.resolve("several"));

        MshRun.Result result = TestCluster.msh(home, "scp", one.toString(), two.toString(), "node-01:several");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(node.resolve("several/one")).hasSameBinaryContentAs(one);
        assertThat(node.resolve("several/two")).hasSameBinaryContentAs(two);
    }

    @Test
    void pKeepsTheModificationTime() throws Exception {
        Path file = write(local.resolve("old.txt"), 10, "rw-r--r--");
        FileTime then = FileTime.from(Instant.parse("2020-02-02T10:00:00Z"));
        Files.setLastModifiedTime(file, then);

        MshRun.Result result = TestCluster.msh(home, "scp", "-p", file.toString(), "node-01:old.txt");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.getLastModifiedTime(node.resolve("old.txt"))).isEqualTo(then);
    }

    @Test
    void failuresAreOneLineEachAndExit1() throws Exception {
        Files.createDirectories(node.resolve("adir"));

        MshRun.Result missing = TestCluster.msh(home, "scp", "node-01:nosuch", local.toString());
        MshRun.Result directory = TestCluster.msh(home, "scp", "node-01:adir", local.toString());
        MshRun.Result denied = TestCluster.msh(home, "scp", "root@node-02:x", local.toString());
        MshRun.Result bothLocal = TestCluster.msh(home, "scp", "a", "b");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("msh: scp: node-01:nosuch: No such file or directory\n");
        assertThat(directory.exitCode()).isEqualTo(1);
        assertThat(directory.err()).isEqualTo("msh: scp: node-01:adir: not a regular file (use -r for directories)\n");
        assertThat(denied.exitCode()).isEqualTo(255);
        assertThat(denied.err()).isEqualTo("msh: access denied: you may not log in as \"root\" on node \"node-02\"\n");
        assertThat(bothLocal.exitCode()).isEqualTo(2);
        assertThat(bothLocal.err()).startsWith("msh: neither the sources nor the target is on a node");
    }

    private static Path write(Path file, int size, String mode) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Files.write(file, data);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static String sha256(Path file) throws Exception {
        return SshEndToEndTest.sha256(Files.readAllBytes(file));
    }
}
