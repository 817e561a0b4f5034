package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    private final TerminalText text = new TerminalText();

    @Test
    void removesColoursCursorMovesAndPrivateModes() {
        assertThat(text.strip("\u001b[01;32mroot\u001b[00m \u001b[2J\u001b[H\u001b[?1049hvi"
                + "\u001b[38;5;196mred\u001b[K")).isEqualTo("root vired");
    }

    @Test
    void removesOperatingSystemCommandsEndedByBelOrStringTerminator() {
        assertThat(text.strip("\u001b]0;root@node-01: ~\u0007$ \u001b]8;;https://example.com\u001b\\link"
                + "\u001b]8;;\u001b\\.")).isEqualTo("$ link.");
    }

    @Test
    void removesShortEscapesCharsetSelectionsAndDeviceControlStrings() {
        assertThat(text.strip("\u001b7a\u001b8\u001b(Bb\u001b=c\u001bMd\u001bPq#0;2;0;0;0\u001b\\e\u001b#8f"))
                .isEqualTo("abcdef");
    }

    @Test
    void removesTheEightBitFormsToo() {
        assertThat(text.strip("\u009b1mbold\u009b0m \u009d0;title\u009cok")).isEqualTo("bold ok");
    }

    @Test
    void aSequenceSplitAcrossOutputsIsRemovedWhole() {
        StringBuilder out = new StringBuilder();
        for (String piece : new String[] {"ab\u001b", "[01", ";3", "2mc\u001b]0;ti", "tle\u0007d"}) {
            out.append(text.strip(piece));
        }
        assertThat(out).hasToString("abcd");
    }

    @Test
    void carriageReturnLineFeedBecomesANewlineEvenWhenSplit() {
        String joined = text.strip("one\r\ntwo\r") + text.strip("\nthree\rTHREE\r") + text.finish();

        assertThat(joined).isEqualTo("one\ntwo\nthree\rTHREE\r");
    }

    @Test
    void keepsTabsAndBackspacesButDropsOtherControls() {
        assertThat(text.strip("a\tb\bc\u0007d\u000ee\u000ff\u0000g")).isEqualTo("a\tb\bcdefg");
    }

    @Test
    void leavesUnicodeAlone() {
        assertThat(text.strip("caf\u00e9 \u65e5\u672c \ud83d\ude00")).isEqualTo("caf\u00e9 \u65e5\u672c \ud83d\ude00");
    }
}
