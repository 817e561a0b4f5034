package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.sshd.common.channel.PtyMode;
import org.junit.jupiter.api.Test;

class TtyModesTest {

    /** GNU stty -g of a usual Linux terminal (erase ^?, intr ^C, susp ^Z, icanon echo ...). */
    private static final String STTY_G = "500:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0:0:0:0:0:0:0:0:0:0:0"
            + ":0:0:0";

    @Test
    void theTerminalsControlCharactersAndFlagsGoToTheNode() {
        Map<PtyMode, Integer> modes = TtyModes.of(STTY_G);

        assertThat(modes).containsEntry(PtyMode.VINTR, 3).containsEntry(PtyMode.VERASE, 0x7f)
                .containsEntry(PtyMode.VSUSP, 0x1a).containsEntry(PtyMode.VEOF, 4)
                .containsEntry(PtyMode.VEOL, 255)
                .containsEntry(PtyMode.ICANON, 1).containsEntry(PtyMode.ECHO, 1).containsEntry(PtyMode.ISIG, 1)
                .containsEntry(PtyMode.ICRNL, 1).containsEntry(PtyMode.IXON, 1).containsEntry(PtyMode.OPOST, 1)
                .containsEntry(PtyMode.ONLCR, 1).containsEntry(PtyMode.INLCR, 0);
    }

    @Test
    void withoutReadableSettingsTheNodeGetsSensibleDefaults() {
        assertThat(TtyModes.of(null)).containsEntry(PtyMode.ECHO, 1).containsEntry(PtyMode.ICANON, 1);
        assertThat(TtyModes.of("garbage")).containsEntry(PtyMode.ECHO, 1);
    }
}
