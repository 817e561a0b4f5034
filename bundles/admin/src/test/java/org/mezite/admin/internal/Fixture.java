package org.mezite.admin.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.mezite.api.access.Caller;

/** What every admin service test needs: rules, the audit log, a fixed clock and two callers. */
class Fixture {

    static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
    static final Caller OPERATOR = Caller.operator("karaf");
    static final Caller BOB = Caller.user("bob", List.of("auditor"), Map.of());

    final RuleBook rules = new RuleBook();
    final AuditLog audit = new AuditLog();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final AdminAccess access = new AdminAccess(rules, audit, clock);
}
