package org.mezite.admin.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class RemoteAdminSettingsTest {

    private static final Path HOME = Path.of("/opt/mezhub");
    private static final String PIN = "sha256:" + "ab".repeat(32);

    @Test
    void anEmptyAddressMeansNotWanted() {
        assertThat(RemoteAdminSettings.of(Configs.remote(" ", "", "", ""), HOME)).isEmpty();
    }

    @Test
    void readsTheAddressFilesAndPin() {
        RemoteAdminSettings settings = RemoteAdminSettings.of(Configs.remote("auth.example.com:3125",
                "etc/admin/ops-x509.pem", "/home/ops/.msh/keys/hub/ops", PIN.toUpperCase().replace("SHA", "sha")),
                HOME).orElseThrow();

        assertThat(settings.host()).isEqualTo("auth.example.com");
        assertThat(settings.port()).isEqualTo(3125);
        assertThat(settings.address()).isEqualTo("auth.example.com:3125");
        assertThat(settings.certificate()).isEqualTo(Path.of("/opt/mezhub/etc/admin/ops-x509.pem"));
        assertThat(settings.key()).isEqualTo(Path.of("/home/ops/.msh/keys/hub/ops"));
        assertThat(settings.caPin()).isEqualTo(PIN);
    }

    @Test
    void thePortIs3025UnlessGivenAndIpv6GoesInBrackets() {
        assertThat(settings("auth.example.com").port()).isEqualTo(3025);
        assertThat(settings("[fd00::7]:3026").host()).isEqualTo("fd00::7");
        assertThat(settings("[fd00::7]:3026").address()).isEqualTo("[fd00::7]:3026");
        assertThat(settings("[fd00::7]").port()).isEqualTo(3025);
    }

    @Test
    void whatCannotBeUsedIsNamed() {
        assertInvalid(Configs.remote("auth:0", "c", "k", PIN), "etc/org.mezite.admin.remote.cfg: auth_address:"
                + " \"auth:0\": the port must be a number from 1 to 65535");
        assertInvalid(Configs.remote(":3025", "c", "k", PIN),
                "etc/org.mezite.admin.remote.cfg: auth_address: \":3025\" names no host");
        assertInvalid(Configs.remote("[fd00::7", "c", "k", PIN),
                "etc/org.mezite.admin.remote.cfg: auth_address: \"[fd00::7\" is not HOST:PORT");
        assertInvalid(Configs.remote("auth", "c", "k", ""), "etc/org.mezite.admin.remote.cfg: ca_pin: is required"
                + " with auth_address (mezite:status on the Auth hub prints the host CA's pin)");
        assertInvalid(Configs.remote("auth", "c", "k", "sha256:abc"),
                "etc/org.mezite.admin.remote.cfg: ca_pin: \"sha256:abc\" must be sha256: and 64 hex digits");
        assertInvalid(Configs.remote("auth", "", "k", PIN),
                "etc/org.mezite.admin.remote.cfg: certificate: is required with auth_address");
        assertInvalid(Configs.remote("auth", "c", " ", PIN),
                "etc/org.mezite.admin.remote.cfg: key: is required with auth_address");
    }

    private static RemoteAdminSettings settings(String address) {
        return RemoteAdminSettings.of(Configs.remote(address, "c", "k", PIN), HOME).orElseThrow();
    }

    private static void assertInvalid(RemoteAdminConfig config, String message) {
        assertThatThrownBy(() -> RemoteAdminSettings.of(config, HOME))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
