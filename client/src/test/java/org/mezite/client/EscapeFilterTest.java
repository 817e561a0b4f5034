package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** OpenSSH's escapes in what the user types, recognised only right after a newline. */
class EscapeFilterTest {

    private final EscapeFilter filter = new EscapeFilter('~');
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    @Test
    void tildeDotAtTheStartOrAfterANewlineDisconnects() {
        assertThat(type("~.")).isEqualTo(EscapeFilter.Action.DISCONNECT);
        assertThat(sent()).isEmpty();

        EscapeFilter afterLine = new EscapeFilter('~');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(afterLine.filter(bytes("ls\r~."), 0, 5, out)).isEqualTo(EscapeFilter.Action.DISCONNECT);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ls\r");
    }

    @Test
    void aTildeInsideALineIsJustSent() {
        assertThat(type("echo ~.")).isEqualTo(EscapeFilter.Action.NONE);
        assertThat(sent()).isEqualTo("echo ~.");
    }

    @Test
    void twoTildesSendOneAndOtherCharactersAfterATildeAreSentWithIt() {
        type("~~x\r~a\n");

        assertThat(sent()).isEqualTo("~x\r~a\n");
    }

    @Test
    void tildeQuestionMarkAsksForHelpAndSendsNothing() {
        assertThat(type("~?")).isEqualTo(EscapeFilter.Action.HELP);
        assertThat(sent()).isEmpty();
        assertThat(EscapeFilter.HELP).contains("~.", "~?", "~~");
    }

    @Test
    void theTildeMayArriveInOneReadAndTheCommandInTheNext() {
        assertThat(type("~")).isEqualTo(EscapeFilter.Action.NONE);
        assertThat(sent()).isEmpty();
        assertThat(type(".")).isEqualTo(EscapeFilter.Action.DISCONNECT);
    }

    private EscapeFilter.Action type(String text) {
        byte[] typed = bytes(text);
        return filter.filter(typed, 0, typed.length, sent);
    }

    private String sent() {
        return sent.toString(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
