package org.mezite.proxy.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServerNamesTest {

    @Test
    void aWildcardListenerIsNamedByTheMachineAndLoopback() {
        ServerNames names = ServerNames.of(new InetSocketAddress("0.0.0.0", 3080), List.of(), "hub-01.corp");

        assertThat(names.dnsNames()).containsExactly("hub-01.corp", "localhost");
        assertThat(names.ipAddresses()).containsExactly("127.0.0.1", "::1");
        assertThat(names.publicHost()).isEqualTo("hub-01.corp");
        assertThat(names.commonName()).isEqualTo("hub-01.corp");
    }

    @Test
    void configuredAddressesComeFirstAndTheFirstIsPublic() {
        ServerNames names = ServerNames.of(new InetSocketAddress("10.0.0.5", 3080),
                List.of(PublicAddress.parse("Proxy.Example.com", 443), PublicAddress.parse("[2001:db8::1]:3080", 1)),
                "hub-01");

        assertThat(names.dnsNames()).containsExactly("proxy.example.com", "hub-01", "localhost");
        assertThat(names.ipAddresses()).containsExactly("2001:db8::1", "10.0.0.5", "127.0.0.1", "::1");
        assertThat(names.publicHost()).isEqualTo("Proxy.Example.com");
    }

    @Test
    void aListenAddressIsPublicWhenNothingIsConfigured() {
        assertThat(ServerNames.of(new InetSocketAddress("127.0.0.1", 3080), List.of(), "hub").publicHost())
                .isEqualTo("127.0.0.1");
        assertThat(ServerNames.of(new InetSocketAddress("0.0.0.0", 3080), List.of(), null).publicHost())
                .isEqualTo("localhost");
    }

    @Test
    void namesACertificateCannotCarryAreLeftOut() {
        ServerNames names = ServerNames.of(new InetSocketAddress("0.0.0.0", 3080), List.of(), "my_host");

        assertThat(names.dnsNames()).containsExactly("localhost");
    }
}
