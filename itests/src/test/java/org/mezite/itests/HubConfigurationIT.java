package org.mezite.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration value the hub cannot use stops start-up with a message naming the key. */
class HubConfigurationIT {

    @TempDir
    Path dir;

    @Test
    void badDatabaseKindStopsStartUpNamingTheKey() throws Exception {
        try (Mezhub hub = Mezhub.install(dir)) {
            hub.configure(Map.of("database.kind", "mysql"));
            hub.start();

            int exit = hub.awaitExit(Duration.ofSeconds(120));

            assertThat(exit).as("EX_CONFIG").isEqualTo(78);
            assertThat(hub.output()).contains(
                    "mezhub: configuration error: etc/org.mezite.hub.cfg: database.kind: \"mysql\" is not one of sqlite, postgresql");
        }
    }

    @Test
    void badListenAddressStopsStartUpNamingTheKey() throws Exception {
        try (Mezhub hub = Mezhub.install(dir)) {
            hub.configure(Map.of("auth.listen", "127.0.0.1:99999"));
            hub.start();

            assertThat(hub.awaitExit(Duration.ofSeconds(120))).isEqualTo(78);
            assertThat(hub.output()).contains("auth.listen: \"127.0.0.1:99999\": port 99999 is outside 0-65535");
        }
    }
}
