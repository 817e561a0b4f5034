package org.mezite.proxy.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

class HostNamesTest {

    @Test
    void namesTheClusterTheMachineThePublicHostsAndLoopback() {
        HostNames names = HostNames.of("prod", new InetSocketAddress("0.0.0.0", 3023),
                "mezite.example.com:443, [2001:db8::5]:3080,10.0.0.5", "hub-1.internal");
        assertThat(names.keyId()).isEqualTo("prod");
        assertThat(names.principals()).containsExactly("prod", "hub-1.internal", "mezite.example.com",
                "2001:db8::5", "10.0.0.5", "localhost", "127.0.0.1", "::1");
    }

    @Test
    void namesTheListenHostWhenItIsNotTheWildcard() {
        HostNames names = HostNames.of("prod", new InetSocketAddress("192.0.2.9", 3023), "", null);
        assertThat(names.hostname()).isEqualTo("localhost");
        assertThat(names.principals()).containsExactly("prod", "localhost", "192.0.2.9", "127.0.0.1", "::1");
    }
}
