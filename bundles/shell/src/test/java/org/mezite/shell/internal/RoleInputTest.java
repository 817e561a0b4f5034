package org.mezite.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleInputTest {

    static final String ROLE = "kind: role\nversion: v1\nmetadata: {name: dev}\n";

    @TempDir
    Path dir;

    @Test
    void readsTheFileRelativeToTheConsolesDirectory() throws Exception {
        Files.writeString(dir.resolve("dev.yaml"), ROLE);

        assertThat(RoleInput.read("dev.yaml", dir, nothing())).isEqualTo(ROLE);
        assertThat(RoleInput.read(dir.resolve("dev.yaml").toString(), Path.of("/"), nothing())).isEqualTo(ROLE);
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> RoleInput.read("nope.yaml", dir, nothing()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-f: " + dir.resolve("nope.yaml") + " does not exist (paths are the hub's)");
    }

    @Test
    void withoutAFileTheDocumentIsPipedIn() {
        assertThat(RoleInput.read(null, dir, new ByteArrayInputStream(ROLE.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(ROLE);
    }

    @Test
    void nothingPipedInSaysHowToGiveIt() {
        assertThatThrownBy(() -> RoleInput.read(null, dir, nothing())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no role document: give -f FILE, or pipe one in (cat role.yaml | mezite:role-create)");
    }

    @Test
    void aHugeDocumentIsRefused() throws Exception {
        byte[] big = new byte[RoleInput.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        Files.write(dir.resolve("big.yaml"), big);

        assertThatThrownBy(() -> RoleInput.read("big.yaml", dir, nothing()))
                .hasMessage("-f: " + dir.resolve("big.yaml") + " is larger than 1048576 bytes");
        assertThatThrownBy(() -> RoleInput.read(null, dir, new ByteArrayInputStream(big)))
                .hasMessage("the role document on standard input is larger than 1048576 bytes");
    }

    private static InputStream nothing() {
        return InputStream.nullInputStream();
    }
}
