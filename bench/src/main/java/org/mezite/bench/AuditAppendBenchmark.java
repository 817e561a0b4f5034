package org.mezite.bench;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.AuditChainCheck;
import org.mezite.api.store.AuditEvent;
import org.mezite.api.store.AuditEventRepository;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.store.jpa.internal.repository.JpaAuditEventRepository;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Audit events written per second: {@code AuditEventRepository.append} of the store bundle, on a freshly migrated
 * PostgreSQL schema or SQLite file, each append its own transaction as on the hub (bump the chain head, read it, hash,
 * insert, store the new head hash). Run with {@code -t 1} and {@code -t 4} by {@code scripts/bench-audit.sh}: with
 * several threads the appends queue on the chain head's row lock, so this shows how much of a commit's time
 * overlaps.
 *
 * <p>The event is what an agent reports when a shell starts: type {@code session.start} with user, login, node,
 * session id and client address, and about 200 bytes of JSON details. After the run the whole chain is verified, so
 * a figure never comes from a chain that concurrent appends broke.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditAppendBenchmark {

    /** About 200 bytes, the size of a session start's details with a client version and a few roles. */
    static final String DETAILS = "{\"kind\":\"shell\",\"tty\":true,\"term\":\"xterm-256color\",\"cols\":120,"
            + "\"rows\":40,\"client\":\"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10\",\"roles\":[\"access\",\"dev\"],"
            + "\"proxy\":\"proxy-01\",\"recording\":\"node\",\"via\":\"tunnel\"}";

    /** {@code postgresql} or {@code sqlite}, as in the hub's {@code database.kind}. */
    @Param({ "postgresql", "sqlite" })
    public String database;

    private ScratchStore scratch;
    private AuditEventRepository audit;

    /** Each thread is one agent's stream of sessions. */
    @State(Scope.Thread)
    public static class Caller {
        final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
        long sessions;

        NewAuditEvent nextSessionStart() {
            sessions++;
            return NewAuditEvent.builder("session.start", "success").username("alice").login("root").node(node)
                    .sessionId(new UUID(node.hashCode(), sessions).toString()).clientAddr("10.20.30.40:51234")
                    .metadata(DETAILS).build();
        }
    }

    @Setup(Level.Trial)
    public void openStore() {
        scratch = ScratchStore.create(DatabaseKind.valueOf(database.toUpperCase(Locale.ROOT)));
        audit = new JpaAuditEventRepository(scratch.store());
    }

    @Benchmark
    public AuditEvent append(Caller caller) {
        return audit.append(caller.nextSessionStart());
    }

    @TearDown(Level.Trial)
    public void verifyAndDrop() {
        try {
            AuditChainCheck check = audit.verifyChain();
            if (!check.intact()) {
                throw new IllegalStateException("the audit chain is broken after the run: " + check);
            }
            System.out.println("audit chain after the run: " + check.checked() + " events, intact");
        } finally {
            scratch.close();
        }
    }
}
