package org.mezite.auth.internal.join;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.mezite.auth.internal.testing.FakeAccessPolicySource;
import org.mezite.auth.internal.testing.InMemoryCertificateAuthorityRepository;
import org.mezite.auth.internal.testing.InMemoryJoinTokenRepository;
import org.mezite.auth.internal.testing.InMemoryNodeRepository;
import org.mezite.auth.internal.testing.InMemorySessionRepository;
import org.mezite.auth.internal.testing.MutableClock;
import org.mezite.auth.internal.testing.RecordingAuditEventRepository;
import org.mezite.ca.internal.CertificateAuthorityService;

/**
 * The Auth side of joining, wired as in the hub but over in-memory tables and a clock the test moves: the real CA
 * bundle's service, the token service, the node registry and the enrollment on top of them, and an access policy the
 * test publishes.
 */
public final class TestCluster {

    public static final String CLUSTER = "test-cluster";

    /** The CAs take a moment to make (Argon2 for the key wrapping), so test classes share one. */
    private static CertificateAuthorityService sharedCa;

    public final MutableClock clock = MutableClock.now();
    public final InMemoryJoinTokenRepository tokenTable = new InMemoryJoinTokenRepository(clock);
    public final InMemoryNodeRepository nodeTable = new InMemoryNodeRepository(clock);
    public final RecordingAuditEventRepository audit = new RecordingAuditEventRepository();
    public final InMemorySessionRepository sessions = new InMemorySessionRepository();
    public final FakeAccessPolicySource policies = new FakeAccessPolicySource();
    public final CertificateAuthorityService ca = ca();
    public final JoinTokenService tokens = new JoinTokenService(tokenTable, audit, clock, new SecureRandom());
    public final NodeRegistryService nodes = new NodeRegistryService(nodeTable, audit, clock, Duration.ofSeconds(10));
    public final JoinTokenRedeemer redeemer = new JoinTokenRedeemer(tokenTable, clock);
    public final NodeEnrollment enrollment = new NodeEnrollment(redeemer, nodes, ca, ca, ca, audit, sessions,
            clock);

    public CertificateAuthorities authorities() {
        return ca;
    }

    /** Hub settings of this cluster. */
    public static HubSettings settings(Set<HubRole> roles, InetSocketAddress authListen) {
        InetSocketAddress unused = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        return new HubSettings(CLUSTER, roles, authListen, unused, unused, unused, Path.of("data"),
                new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite:data/mezite.db", "", "", 1));
    }

    private static synchronized CertificateAuthorityService ca() {
        if (sharedCa == null) {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            sharedCa = new CertificateAuthorityService(settings(Set.of(HubRole.AUTH), loopback),
                    new InMemoryCertificateAuthorityRepository(), Map.of());
        }
        return sharedCa;
    }
}
