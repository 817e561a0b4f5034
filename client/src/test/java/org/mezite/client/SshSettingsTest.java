package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How msh ssh reads its options, and when it asks for a PTY (as OpenSSH decides). */
class SshSettingsTest {

    @Test
    void aPtyByDefaultOnlyForALoginShellOnATerminal() {
        assertThat(pty(settings(List.of(), 0, false), true)).isTrue();
        assertThat(pty(settings(List.of(), 0, false), false)).isFalse();
        assertThat(pty(settings(List.of("uptime"), 0, false), true)).isFalse();
    }

    @Test
    void tAsksForOneWithACommandAndTtEvenWithoutATerminal() {
        StringBuilder warning = new StringBuilder();
        assertThat(settings(List.of("top"), 1, false).pty(true, warning)).isTrue();
        assertThat(settings(List.of("top"), 1, false).pty(false, warning)).isFalse();
        assertThat(warning).hasToString("Pseudo-terminal will not be allocated because stdin is not a terminal.");
        assertThat(pty(settings(List.of("top"), 2, false), false)).isTrue();
        assertThat(pty(settings(List.of(), 0, true), true)).isFalse();
    }

    @Test
    void theCommandIsItsWordsJoinedBySpacesAsSshSendsIt() {
        assertThat(settings(List.of("echo", "a b", "$HOME"), 0, false).command()).isEqualTo("echo a b $HOME");
        assertThat(settings(List.of(), 0, false).command()).isNull();
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThatThrownBy(() -> SshSettings.of("n", List.of(), null, 0, 0, false, List.of(), List.of(), List.of(),
                false, false, false, "~", 8)).hasMessage("-p 0: the port must be a number from 1 to 65535");
        assertThatThrownBy(() -> SshSettings.of("n", List.of(), null, 22, 0, false, List.of(), List.of(), List.of(),
                false, false, false, "ab", 8)).hasMessage("-e ab: expected one character or \"none\"");
        assertThatThrownBy(() -> SshSettings.of("n", List.of("ls"), null, 22, 0, false, List.of(), List.of(),
                List.of(), false, true, false, "~", 8)).hasMessage("-N runs no command, but a command was given");
        assertThat(SshSettings.of("n", List.of(), null, 22, 0, false, List.of(), List.of(), List.of(), false, false,
                false, "none", 8).escape()).isNull();
    }

    @Test
    void aSignalThatEndedTheRemoteCommandBecomes128PlusItsNumber() throws Exception {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        assertThat(RemoteSession.exitStatus(3, null, err)).isEqualTo(3);
        assertThat(RemoteSession.exitStatus(null, "TERM", err)).isEqualTo(143);
        assertThat(RemoteSession.exitStatus(null, null, err)).isEqualTo(255);
        assertThat(err.toString()).isEqualTo("msh: the remote command was killed by signal TERM\n");
    }

    private static boolean pty(SshSettings settings, boolean terminal) {
        return settings.pty(terminal, new StringBuilder());
    }

    private static SshSettings settings(List<String> command, int tty, boolean noTty) {
        return SshSettings.of("node", command, null, 22, tty, noTty, List.of(), List.of(), List.of(), false, false,
                false, "~", 8);
    }
}
