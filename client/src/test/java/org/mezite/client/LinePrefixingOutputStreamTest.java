package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LinePrefixingOutputStreamTest {

    @Test
    void linesFromTwoNodesInterleaveWholeEachWithItsPrefix() throws Exception {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        Object lock = new Object();
        LinePrefixingOutputStream one = new LinePrefixingOutputStream("[node-01] ", target, lock);
        LinePrefixingOutputStream two = new LinePrefixingOutputStream("[node-02] ", target, lock);

        one.write("par".getBytes(StandardCharsets.UTF_8));
        two.write("whole\nsec".getBytes(StandardCharsets.UTF_8));
        one.write("tial\n".getBytes(StandardCharsets.UTF_8));
        two.write("ond".getBytes(StandardCharsets.UTF_8));
        two.close();
        one.close();

        assertThat(target.toString(StandardCharsets.UTF_8))
                .isEqualTo("[node-02] whole\n[node-01] partial\n[node-02] second\n");
    }
}
