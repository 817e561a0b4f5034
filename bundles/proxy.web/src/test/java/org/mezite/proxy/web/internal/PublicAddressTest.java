package org.mezite.proxy.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicAddressTest {

    @Test
    void parsesNamesAddressesAndPorts() {
        assertThat(PublicAddress.parse("proxy.example.com", 3080)).isEqualTo(new PublicAddress("proxy.example.com",
                3080));
        assertThat(PublicAddress.parse(" proxy:443 ", 3080)).isEqualTo(new PublicAddress("proxy", 443));
        assertThat(PublicAddress.parse("[::1]:443", 3080)).isEqualTo(new PublicAddress("::1", 443));
        assertThat(PublicAddress.parse("2001:db8::1", 3080)).isEqualTo(new PublicAddress("2001:db8::1", 3080));
    }

    @Test
    void printsAsUsersTypeIt() {
        assertThat(new PublicAddress("::1", 3080)).hasToString("[::1]:3080");
        assertThat(new PublicAddress("proxy", 3080)).hasToString("proxy:3080");
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> PublicAddress.parse(":3080", 1)).hasMessage("\":3080\": the host is missing");
        assertThatThrownBy(() -> PublicAddress.parse("proxy:http", 1))
                .hasMessage("\"proxy:http\": the port must be a number from 1 to 65535");
        assertThatThrownBy(() -> PublicAddress.parse("https://proxy", 1))
                .hasMessage("\"https://proxy\": the port must be a number from 1 to 65535");
        assertThatThrownBy(() -> PublicAddress.parse("[::1", 1))
                .hasMessage("\"[::1\": missing ] after the IPv6 address");
    }
}
