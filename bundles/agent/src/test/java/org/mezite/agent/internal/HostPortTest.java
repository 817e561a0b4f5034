package org.mezite.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

    @Test
    void parsesNamesAddressesAndBracketedIpv6() {
        assertThat(HostPort.parse("hub.example.com:3025")).isEqualTo(new HostPort("hub.example.com", 3025));
        assertThat(HostPort.parse(" 10.0.0.5:3025 ")).isEqualTo(new HostPort("10.0.0.5", 3025));
        assertThat(HostPort.parse("[::1]:3025")).isEqualTo(new HostPort("::1", 3025));
    }

    @Test
    void printsTheWayItWasWritten() {
        assertThat(HostPort.parse("[::1]:3025")).hasToString("[::1]:3025");
        assertThat(HostPort.parse("hub:3025")).hasToString("hub:3025");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hub", "hub:", ":3025", "hub:0", "hub:65536", "hub:ssh", "::1:3025"})
    void rejectsWhatIsNotHostColonPortQuotingIt(String text) {
        assertThatThrownBy(() -> HostPort.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("\"" + text + "\"");
    }
}
