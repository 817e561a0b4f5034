package org.mezite.itests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The join scenarios against a hub on SQLite. */
class JoinIT extends JoinScenarios {

    @BeforeAll
    static void startHub() throws Exception {
        hub = Mezhub.install(hubDir);
        hub.startAndAwaitHealthy();
    }

    @AfterAll
    static void stopHub() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }
}
