package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProxyAddressTest {

    @Test
    void theHttpsPortIs3080UnlessGiven() {
        assertThat(ProxyAddress.parse("proxy.example.com")).isEqualTo(new ProxyAddress("proxy.example.com", 3080));
        assertThat(ProxyAddress.parse("proxy:443").url()).isEqualTo("https://proxy:443");
        assertThat(ProxyAddress.parse("[::1]:3080")).hasToString("[::1]:3080");
        assertThat(ProxyAddress.parse("[::1]")).isEqualTo(new ProxyAddress("::1", 3080));
        assertThat(ProxyAddress.parse("::1")).as("a bare IPv6 address has no port").isEqualTo(new ProxyAddress(
                "::1", 3080));
    }

    @Test
    void whatCannotBeAnAddressIsAUsageError() {
        for (String bad : new String[] {"", "https://proxy", "proxy:0", "proxy:x", "[::1", "a b:1", "u@h:1"}) {
            assertThatThrownBy(() -> ProxyAddress.parse(bad)).as(bad).isInstanceOf(MshException.class)
                    .hasMessageStartingWith("--proxy \"" + bad + "\": ")
                    .satisfies(e -> assertThat(((MshException) e).exitCode()).isEqualTo(2));
        }
    }
}
