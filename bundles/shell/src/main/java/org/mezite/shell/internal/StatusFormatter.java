package org.mezite.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    static String authorities(List<CaPublicIdentity> cas) {
        StringBuilder out = new StringBuilder("Certificate authorities:\n");
        for (CaPublicIdentity ca : cas) {
            out.append(String.format("  %-5s %s  TLS pin %s%n", ca.type().id(), ca.sshFingerprint(), ca.tlsPin()));
        }
        return out.toString();
    }

    /** The same for scripts ({@code --format json}). */
    static Map<String, Object> json(HubStatus status, List<CaPublicIdentity> cas) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", status.clusterName());
        m.put("version", status.version());
        m.put("services", status.roles().stream().map(HubRole::configName).sorted().toList());
        DatabaseStatus db = status.database();
        if (db != null) {
            Map<String, Object> database = new LinkedHashMap<>();
            database.put("kind", db.kind());
            database.put("url", db.maskedUrl());
            database.put("schema_version", db.schemaVersion());
            database.put("healthy", db.healthy());
            database.put("error", db.error() == null || db.error().isEmpty() ? null : db.error());
            m.put("database", database);
        }
        m.put("listeners", status.listeners().stream().map(l -> {
            Map<String, Object> listener = new LinkedHashMap<>();
            listener.put("name", l.name());
            listener.put("protocol", l.protocol());
            listener.put("address", l.address());
            return listener;
        }).toList());
        m.put("bundles", status.bundles().stream().map(b -> {
            Map<String, Object> bundle = new LinkedHashMap<>();
            bundle.put("symbolic_name", b.symbolicName());
            bundle.put("version", b.version());
            bundle.put("state", b.state());
            return bundle;
        }).toList());
        m.put("certificate_authorities", cas.stream().map(ca -> {
            Map<String, Object> authority = new LinkedHashMap<>();
            authority.put("type", ca.type().id());
            authority.put("ssh_fingerprint", ca.sshFingerprint());
            authority.put("tls_pin", ca.tlsPin());
            return authority;
        }).toList());
        m.put("healthy", status.healthy());
        return m;
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-10s %s%n", label + ":", value));
    }
}
