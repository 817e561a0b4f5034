package org.mezite.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrailingOptionsTest {

    private final Set<String> allowed = Set.of("--roles", "--logins");

    @Test
    void readsBothSpellings() {
        assertThat(TrailingOptions.parse(List.of("--roles", "access", "--logins=alice,root"), allowed))
                .isEqualTo(Map.of("--roles", "access", "--logins", "alice,root"));
        assertThat(TrailingOptions.parse(null, allowed)).isEmpty();
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> TrailingOptions.parse(List.of("--role", "x"), allowed))
                .hasMessageStartingWith("unknown option --role; options: ");
        assertThatThrownBy(() -> TrailingOptions.parse(List.of("--roles"), allowed))
                .hasMessage("missing value for option --roles");
        assertThatThrownBy(() -> TrailingOptions.parse(List.of("bob"), allowed))
                .hasMessage("unexpected argument \"bob\"");
    }
}
