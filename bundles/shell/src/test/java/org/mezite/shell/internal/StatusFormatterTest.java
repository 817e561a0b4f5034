package org.mezite.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mezite.api.hub.BundleState;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubStatus;
import org.mezite.api.store.DatabaseStatus;

class StatusFormatterTest {

    @Test
    void showsEverythingAnOperatorChecks() {
        HubStatus status = new HubStatus("prod", "0.1.0", Set.of(HubRole.PROXY, HubRole.AUTH),
                new DatabaseStatus("postgresql", "jdbc:postgresql://db/mezite?password=****", "3", true, ""),
                List.of(new HubStatus.ListenerInfo("auth-grpc", "grpc", "127.0.0.1:3025")),
                List.of(new BundleState("org.mezite.api", "0.1.0", "ACTIVE")));

        String text = StatusFormatter.text(status);

        assertThat(text).contains("Cluster:   prod", "Services:  auth, proxy",
                "Database:  postgresql jdbc:postgresql://db/mezite?password=****", "Schema:    version 3",
                "Store:     healthy", "auth-grpc      grpc   127.0.0.1:3025", "ACTIVE    org.mezite.api",
                "Status:    healthy");
    }

    @Test
    void aStoppedBundleOrDeadDatabaseIsDegraded() {
        HubStatus status = new HubStatus("prod", "0.1.0", Set.of(HubRole.AUTH),
                new DatabaseStatus("sqlite", "jdbc:sqlite:/x.db", "", false, "connection refused"), List.of(),
                List.of(new BundleState("org.mezite.store.jpa", "0.1.0", "RESOLVED")));

        String text = StatusFormatter.text(status);

        assertThat(text).contains("Store:     UNHEALTHY: connection refused", "(nothing bound)",
                "RESOLVED  org.mezite.store.jpa", "Status:    DEGRADED");
    }

    @Test
    void statusAsJsonForScripts() {
        HubStatus status = new HubStatus("prod", "0.1.0", Set.of(HubRole.PROXY, HubRole.AUTH),
                new DatabaseStatus("sqlite", "jdbc:sqlite:/x.db", "3", true, ""),
                List.of(new HubStatus.ListenerInfo("auth-grpc", "grpc", "127.0.0.1:3025")),
                List.of(new BundleState("org.mezite.api", "0.1.0", "ACTIVE")));

        assertThat(Output.toJson(StatusFormatter.json(status, List.of()))).isEqualToIgnoringWhitespace("""
                {"cluster":"prod","version":"0.1.0","services":["auth","proxy"],
                 "database":{"kind":"sqlite","url":"jdbc:sqlite:/x.db","schema_version":"3","healthy":true,
                             "error":null},
                 "listeners":[{"name":"auth-grpc","protocol":"grpc","address":"127.0.0.1:3025"}],
                 "bundles":[{"symbolic_name":"org.mezite.api","version":"0.1.0","state":"ACTIVE"}],
                 "certificate_authorities":[],"healthy":true}""");
    }
}
