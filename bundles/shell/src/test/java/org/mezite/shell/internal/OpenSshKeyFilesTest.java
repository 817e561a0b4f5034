package org.mezite.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files {@code mezite:cert-sign} writes, as OpenSSH's own ssh-keygen reads them. */
class OpenSshKeyFilesTest {

    private static final BigInteger TWO_TO_THE_248 = BigInteger.ONE.shiftLeft(248);

    @TempDir
    Path dir;

    @Test
    void sshKeygenReadsThePrivateKeyAndDerivesTheSamePublicKey() throws Exception {
        KeyPair pair = OpenSshKeyFiles.generate();
        Path key = dir.resolve("alice");
        OpenSshKeyFiles.writePrivateKey(key, pair.getPrivate());

        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("\n-----END PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(sshKeygenPublicKey(key)).isEqualTo(OpenSshKeyFiles.publicKeyLine((ECPublicKey) pair.getPublic()));
    }

    @Test
    void aCoordinateWithLeadingZeroBytesIsStillEncodedIn32Bytes() throws Exception {
        KeyPair pair;
        do {
            pair = OpenSshKeyFiles.generate();
        } while (!hasShortCoordinate((ECPublicKey) pair.getPublic()));
        Path key = dir.resolve("short");
        OpenSshKeyFiles.writePrivateKey(key, pair.getPrivate());

        assertThat(sshKeygenPublicKey(key)).isEqualTo(OpenSshKeyFiles.publicKeyLine((ECPublicKey) pair.getPublic()));
    }

    @Test
    void existingFilesAreNeverOverwritten() throws Exception {
        Path key = dir.resolve("alice");
        Path pub = dir.resolve("alice.pub");
        Files.writeString(key, "mine");
        Files.writeString(pub, "mine too");

        assertThatThrownBy(() -> OpenSshKeyFiles.writePrivateKey(key, OpenSshKeyFiles.generate().getPrivate()))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> OpenSshKeyFiles.writePublic(pub, "ecdsa-sha2-nistp256 AAAA"))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(key)).isEqualTo("mine");
        assertThat(Files.readString(pub)).isEqualTo("mine too");
    }

    private static boolean hasShortCoordinate(ECPublicKey key) {
        return key.getW().getAffineX().compareTo(TWO_TO_THE_248) < 0
                || key.getW().getAffineY().compareTo(TWO_TO_THE_248) < 0;
    }

    /** {@code ssh-keygen -y -f KEY}: the public key OpenSSH derives from the private key file. */
    private static String sshKeygenPublicKey(Path key) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ssh-keygen", "-y", "-f", key.toString()).redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.strip();
    }
}
