package org.mezite.shell.internal;

import java.util.stream.Collectors;

import org.mezite.api.ca.CaPublicIdentity;
import org.mezite.api.hub.BundleState;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubStatus;
import org.mezite.api.store.DatabaseStatus;

/** Renders {@link HubStatus} for people at the console. */
final class StatusFormatter {

    private StatusFormatter() {
    }

    static String text(HubStatus status) {
        StringBuilder out = new StringBuilder();
        DatabaseStatus db = status.database();
        line(out, "Cluster", status.clusterName());
        line(out, "Version", status.version());
        line(out, "Services", status.roles().stream().sorted().map(HubRole::configName).collect(Collectors.joining(", ")));
        line(out, "Database", db.kind() + " " + db.maskedUrl());
        line(out, "Schema", db.schemaVersion().isEmpty() ? "unknown" : "version " + db.schemaVersion());
        line(out, "Store", db.healthy() ? "healthy" : "UNHEALTHY: " + db.error());
        out.append("Listening:\n");
        if (status.listeners().isEmpty()) {
            out.append("  (nothing bound)\n");
        }
        for (HubStatus.ListenerInfo l : status.listeners()) {
            out.append(String.format("  %-14s %-6s %s%n", l.name(), l.protocol(), l.address()));
        }
        out.append("Bundles:\n");
        for (BundleState b : status.bundles()) {
            out.append(String.format("  %-9s %-28s %s%n", b.state(), b.symbolicName(), b.version()));
        }
        line(out, "Status", status.healthy() ? "healthy" : "DEGRADED");
        return out.toString();
    }

    /** The CAs' fingerprints and the pin msh and mezd verify the hub with. */
    static String authorities(java.util.List<CaPublicIdentity> cas) {
        StringBuilder out = new StringBuilder("Certificate authorities:\n");
        for (CaPublicIdentity ca : cas) {
            out.append(String.format("  %-5s %s  TLS pin %s%n", ca.type().id(), ca.sshFingerprint(), ca.tlsPin()));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-10s %s%n", label + ":", value));
    }
}
