package org.mezite.auth.internal.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mezite.api.join.JoinTokenRequest;
import org.mezite.api.join.JoinTokenType;
import org.mezite.api.join.RegisteredNode;
import org.mezite.api.store.CaType;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Session;
import org.mezite.api.store.StoreException;
import org.mezite.auth.internal.testing.TestKeys;

class NodeEnrollmentTest {

    private final TestCluster cluster = new TestCluster();
    private final KeyPair hostKey = TestKeys.ed25519();
    private final KeyPair tlsKey = TestKeys.p256();

    @Test
    void aJoinCertifiesTheNodesKeysRegistersItAndUsesTheTokenUp() throws Exception {
        String token = token(Map.of("env", "dev", "team", "a"));

        Enrollment joined = cluster.enrollment.join(application(token, "node-01", Map.of("env", "prod", "os", "linux")));

        assertThat(joined.nodeId()).matches("[0-9a-f-]{36}");
        assertThat(joined.clusterName()).isEqualTo(TestCluster.CLUSTER);
        assertThat(joined.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        NodeCertificates certificates = joined.certificates();
        assertThat(certificates.host().signedBy()).isEqualTo(CaType.HOST);
        assertThat(certificates.host().keyId()).isEqualTo(joined.nodeId());
        assertThat(certificates.host().principals())
                .containsExactly(joined.nodeId(), "node-01", "node-01." + TestCluster.CLUSTER);
        assertThat(certificates.host().authorizedKey()).startsWith("ssh-ed25519-cert-v01@openssh.com ");
        assertThat(certificates.tls().certificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=" + joined.nodeId() + ",O=node");
        assertThat(certificates.tls().certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(certificates.tls().certificate().getPublicKey()).isEqualTo(tlsKey.getPublic());
        assertThat(certificates.userCaPublicKey()).isEqualTo(cluster.ca.authority(CaType.USER).authorizedKey());
        assertThat(certificates.hostCaPem()).isEqualTo(cluster.ca.authority(CaType.HOST).certificatePem());

        RegisteredNode node = cluster.nodes.find(joined.nodeId()).orElseThrow();
        assertThat(node.name()).isEqualTo("node-01");
        assertThat(node.address()).isEqualTo("10.1.2.3");
        assertThat(node.online()).isTrue();
        assertThat(node.labels()).as("the token's labels win")
                .containsExactly(Map.entry("env", "dev"), Map.entry("os", "linux"), Map.entry("team", "a"));
        assertThatThrownBy(() -> cluster.redeemer.check(token, JoinTokenType.NODE))
                .hasMessage("join token already used");
    }

    @Test
    void aJoinIsAuditedWithoutTheToken() {
        String token = token(Map.of());

        Enrollment joined = cluster.enrollment.join(application(token, "node-01", Map.of()));

        NewAuditEvent event = cluster.audit.ofType("instance.join").get(0);
        assertThat(event.result()).isEqualTo("success");
        assertThat(event.node()).isEqualTo(joined.nodeId());
        assertThat(event.clientAddr()).isEqualTo("10.1.2.3");
        assertThat(event.metadata()).contains("\"node_name\":\"node-01\"", "\"token_id\":\"" + TokenHashes.id(
                TokenHashes.hash(token)) + "\"", "\"success\":true").doesNotContain(token);
    }

    @Test
    void aNodesSessionEventsAreFiledUnderThatNodeWhateverTheySay() {
        Enrollment joined = cluster.enrollment.join(application(token(Map.of()), "node-01", Map.of()));

        cluster.enrollment.recordAudit(joined.nodeId(), List.of(NewAuditEvent.builder("session.start", "success")
                .username("alice").login("ubuntu").node("some-other-node").sessionId("s-1").build()));

        NewAuditEvent stored = cluster.audit.ofType("session.start").get(0);
        assertThat(stored.node()).isEqualTo(joined.nodeId());
        assertThat(stored.username()).isEqualTo("alice");
        assertThat(stored.sessionId()).isEqualTo("s-1");
    }

    @Test
    void aNodeCannotReportEventsOnlyAuthMakesAndABadBatchStoresNothing() {
        Enrollment joined = cluster.enrollment.join(application(token(Map.of()), "node-01", Map.of()));
        int before = cluster.audit.events().size();

        assertThatThrownBy(() -> cluster.enrollment.recordAudit(joined.nodeId(), List.of(
                NewAuditEvent.builder("session.start", "success").build(),
                NewAuditEvent.builder("user.login", "success").username("mallory").build())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("events[1].type").hasMessageContaining("\"user.login\"");
        assertThat(cluster.audit.events()).hasSize(before);
        assertThat(cluster.sessions.all()).as("no session started either").isEmpty();
    }

    @Test
    void aNodesSessionStartAndEndKeepTheSessionsTableInStep() {
        Enrollment joined = cluster.enrollment.join(application(token(Map.of()), "node-01", Map.of()));
        Instant started = Instant.parse("2030-05-17T10:15:30.250Z");
        Instant ended = started.plus(Duration.ofMinutes(7));

        cluster.enrollment.recordAudit(joined.nodeId(), List.of(sessionStart("s-1", started),
                NewAuditEvent.builder("exec", "success").username("alice").login("ubuntu").sessionId("s-1").build()));
        assertThat(cluster.sessions.listActive()).containsExactly(new Session("s-1", "ssh", "alice", "ubuntu",
                joined.nodeId(), "192.0.2.7", null, started, null));

        cluster.enrollment.recordAudit(joined.nodeId(), List.of(sessionEnd("s-1", ended)));
        assertThat(cluster.sessions.listActive()).isEmpty();
        assertThat(cluster.sessions.findById("s-1")).contains(new Session("s-1", "ssh", "alice", "ubuntu",
                joined.nodeId(), "192.0.2.7", null, started, ended));
    }

    @Test
    void aRepeatedBatchOrAnEndWithoutItsStartIsStoredWithoutFailing() {
        Enrollment joined = cluster.enrollment.join(application(token(Map.of()), "node-01", Map.of()));
        Instant started = Instant.parse("2030-05-17T10:15:30Z");
        List<NewAuditEvent> batch = List.of(sessionStart("s-1", started));

        assertThat(cluster.enrollment.recordAudit(joined.nodeId(), batch)).isEqualTo(1);
        assertThat(cluster.enrollment.recordAudit(joined.nodeId(), batch)).isEqualTo(1);
        assertThat(cluster.enrollment.recordAudit(joined.nodeId(), List.of(sessionEnd("s-unknown", started))))
                .isEqualTo(1);

        assertThat(cluster.audit.ofType("session.start")).hasSize(2);
        assertThat(cluster.audit.ofType("session.end")).hasSize(1);
        assertThat(cluster.sessions.all()).extracting(Session::id).containsExactly("s-1");
    }

    @Test
    void aNodeCannotEndAnotherNodesSession() {
        Enrollment first = cluster.enrollment.join(application(token(Map.of()), "node-01", Map.of()));
        Enrollment second = cluster.enrollment.join(application(token(Map.of()), "node-02", Map.of()));
        Instant started = Instant.parse("2030-05-17T10:15:30Z");
        cluster.enrollment.recordAudit(first.nodeId(), List.of(sessionStart("s-1", started)));

        cluster.enrollment.recordAudit(second.nodeId(), List.of(sessionStart("s-1", started),
                sessionEnd("s-1", started.plusSeconds(5))));

        assertThat(cluster.sessions.listActive()).singleElement().satisfies(session -> {
            assertThat(session.nodeId()).isEqualTo(first.nodeId());
            assertThat(session.active()).isTrue();
        });
    }

    @Test
    void aSessionsTableThatFailsNeverFailsTheBatch() {
        Enrollment joined = cluster.enrollment.join(application(token(Map.of()), "node-01", Map.of()));
        cluster.sessions.failure = new StoreException("database is locked");

        assertThat(cluster.enrollment.recordAudit(joined.nodeId(), List.of(sessionStart("s-1", Instant.now()),
                sessionEnd("s-1", Instant.now())))).isEqualTo(2);

        assertThat(cluster.audit.ofType("session.start")).hasSize(1);
        assertThat(cluster.audit.ofType("session.end")).hasSize(1);
    }

    private static NewAuditEvent sessionStart(String sessionId, Instant time) {
        return NewAuditEvent.builder("session.start", "success").time(time).username("alice").login("ubuntu")
                .sessionId(sessionId).clientAddr("192.0.2.7").metadata("{\"kind\":\"shell\"}").build();
    }

    private static NewAuditEvent sessionEnd(String sessionId, Instant time) {
        return NewAuditEvent.builder("session.end", "success").time(time).username("alice").login("ubuntu")
                .sessionId(sessionId).clientAddr("192.0.2.7").build();
    }

    @Test
    void refusedJoinsAreAuditedWithTheirReason() {
        String token = token(Map.of());
        cluster.enrollment.join(application(token, "node-01", Map.of()));

        assertThatThrownBy(() -> cluster.enrollment.join(application(token, "node-02", Map.of())))
                .isInstanceOf(JoinRefusedException.class).hasMessage("join token already used");
        assertThatThrownBy(() -> cluster.enrollment.join(application("f".repeat(64), "node-03", Map.of())))
                .isInstanceOf(JoinRefusedException.class).hasMessage("unknown join token");
        String expiring = cluster.tokens.create(new JoinTokenRequest(JoinTokenType.NODE, Duration.ofSeconds(1),
                Map.of()), "admin").token();
        cluster.clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> cluster.enrollment.join(application(expiring, "node-04", Map.of())))
                .isInstanceOf(JoinRefusedException.class).hasMessage("join token expired");

        assertThat(cluster.audit.ofType("instance.join")).extracting(NewAuditEvent::result)
                .containsExactly("success", "failure", "failure", "failure");
        assertThat(cluster.audit.ofType("instance.join").subList(1, 4)).extracting(NewAuditEvent::metadata)
                .satisfiesExactly(m -> assertThat(m).contains("\"error\":\"used_token\"", "\"node_name\":\"node-02\""),
                        m -> assertThat(m).contains("\"error\":\"unknown_token\""),
                        m -> assertThat(m).contains("\"error\":\"expired_token\""));
        assertThat(cluster.nodes.list()).hasSize(1);
    }

    @Test
    void aBadKeyOrNameIsRefusedWithoutWastingTheToken() {
        String token = token(Map.of());

        assertThatThrownBy(() -> cluster.enrollment.join(new JoinApplication(token, "node-01", Map.of(),
                "ssh-ed25519 AAAA", TestKeys.openSsh(tlsKey), "1", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ssh_public_key: ");
        assertThatThrownBy(() -> cluster.enrollment.join(new JoinApplication(token, "node-01", Map.of(),
                TestKeys.openSsh(hostKey), "", "1", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tls_public_key: is required");
        assertThatThrownBy(() -> cluster.enrollment.join(application(token, "node 01", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("node_name: \"node 01\" must be 1-63"
                        + " letters, digits, '.', '_' or '-', starting with a letter or digit");
        assertThatThrownBy(() -> cluster.enrollment.join(application(token, "node-01", Map.of("a b", "c"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("labels: key \"a b\"");

        assertThat(cluster.enrollment.join(application(token, "node-01", Map.of())).nodeId()).isNotEmpty();
        assertThat(cluster.audit.ofType("instance.join")).extracting(NewAuditEvent::result)
                .containsExactly("failure", "failure", "failure", "failure", "success");
    }

    @Test
    void aJoinedNodeRenewsUnderTheNameItJoinedWith() {
        Enrollment joined = cluster.enrollment.join(application(token(Map.of()), "node-01", Map.of()));
        KeyPair newTlsKey = TestKeys.p256();

        NodeCertificates renewed = cluster.enrollment.renew(joined.nodeId(), TestKeys.openSsh(hostKey),
                TestKeys.openSsh(newTlsKey), "10.1.2.3");

        assertThat(renewed.host().principals())
                .containsExactly(joined.nodeId(), "node-01", "node-01." + TestCluster.CLUSTER);
        assertThat(renewed.host().serial()).isNotEqualTo(joined.certificates().host().serial());
        assertThat(renewed.tls().certificate().getPublicKey()).isEqualTo(newTlsKey.getPublic());
        assertThat(cluster.audit.ofType("cert.create")).singleElement()
                .satisfies(e -> assertThat(e.node()).isEqualTo(joined.nodeId()));
    }

    @Test
    void aRemovedNodeCanNeitherHeartbeatNorRenew() {
        Enrollment joined = cluster.enrollment.join(application(token(Map.of()), "node-01", Map.of()));
        cluster.nodes.remove(joined.nodeId(), "admin");

        assertThatThrownBy(() -> cluster.enrollment.heartbeat(joined.nodeId()))
                .isInstanceOf(NotFoundException.class).hasMessage("node " + joined.nodeId()
                        + " is not registered (it was removed); join again with a new token");
        assertThatThrownBy(() -> cluster.enrollment.renew(joined.nodeId(), TestKeys.openSsh(hostKey),
                TestKeys.openSsh(tlsKey), null)).isInstanceOf(NotFoundException.class);
    }

    private String token(Map<String, String> labels) {
        return cluster.tokens.create(new JoinTokenRequest(JoinTokenType.NODE, null, labels), "admin").token();
    }

    private JoinApplication application(String token, String name, Map<String, String> labels) {
        return new JoinApplication(token, name, labels, TestKeys.openSsh(hostKey), TestKeys.openSsh(tlsKey), "0.1.0",
                "10.1.2.3");
    }
}
