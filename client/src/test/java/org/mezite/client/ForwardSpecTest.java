package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ForwardSpecTest {

    @Test
    void localAndRemoteForwardsTakeAnOptionalBindAddress() {
        assertThat(ForwardSpec.parse("-L", "8080:db.internal:5432"))
                .isEqualTo(new ForwardSpec(null, 8080, "db.internal", 5432));
        assertThat(ForwardSpec.parse("-L", "0.0.0.0:8080:localhost:80"))
                .isEqualTo(new ForwardSpec("0.0.0.0", 8080, "localhost", 80));
        assertThat(ForwardSpec.parse("-R", "[::1]:9000:[fe80::1]:22"))
                .isEqualTo(new ForwardSpec("::1", 9000, "fe80::1", 22));
    }

    @Test
    void withoutABindAddressForwardsListenOnLoopback() {
        assertThat(ForwardSpec.parse("-L", "8080:db:5432").bindOrLoopback()).isEqualTo("localhost");
        assertThat(ForwardSpec.parseDynamic("1080")).isEqualTo(new ForwardSpec(null, 1080, null, 0));
        assertThat(ForwardSpec.parseDynamic("127.0.0.2:1080").bindOrLoopback()).isEqualTo("127.0.0.2");
    }

    @Test
    void listenPortZeroLetsTheSystemChooseButTargetPortsMustBeReal() {
        assertThat(ForwardSpec.parse("-R", "0:localhost:80").port()).isZero();
        assertThatThrownBy(() -> ForwardSpec.parse("-L", "8080:db:0"))
                .hasMessage("-L 8080:db:0: \"0\" is not a port number (1-65535)");
    }

    @Test
    void malformedSpecsNameTheOptionAndWhatIsExpected() {
        assertThatThrownBy(() -> ForwardSpec.parse("-L", "8080"))
                .isInstanceOf(MshException.class).hasMessage("-L 8080: expected [BIND:]PORT:HOST:HOSTPORT")
                .extracting(e -> ((MshException) e).exitCode()).isEqualTo(MshException.USAGE);
        assertThatThrownBy(() -> ForwardSpec.parse("-R", "x:db:22"))
                .hasMessage("-R x:db:22: \"x\" is not a port number (0-65535)");
        assertThatThrownBy(() -> ForwardSpec.parseDynamic("a:b:c")).hasMessage("-D a:b:c: expected [BIND:]PORT");
        assertThatThrownBy(() -> ForwardSpec.parse("-L", "[::1:80:h:1"))
                .hasMessage("-L [::1:80:h:1: an IPv6 address lacks its closing ]");
        assertThatThrownBy(() -> ForwardSpec.parse("-L", "80::1")).hasMessage("-L 80::1: \"\" is not a host or address");
    }

    @Test
    void printsAsOpenSshWritesIt() {
        assertThat(ForwardSpec.parse("-L", "[::1]:80:web:8080")).hasToString("[::1]:80:web:8080");
        assertThat(ForwardSpec.parseDynamic("1080")).hasToString("1080");
    }
}
