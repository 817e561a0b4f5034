package org.mezite.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.admin.ActiveSession;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Session;

class SessionAdminServiceTest extends Fixture {

    final InMemorySessions sessions = new InMemorySessions();
    final KnownNodes nodes = new KnownNodes().add("id-web", "web", NOW);
    final SessionAdminService service = new SessionAdminService(sessions, nodes, sessions, access);

    @BeforeEach
    void setUp() {
        sessions.create(new Session("s1", "ssh", "alice", "root", "id-web", "192.0.2.7:5000", null,
                NOW.minusSeconds(60), null));
        sessions.create(new Session("s2", "ssh", "carol", "ubuntu", "id-gone", null, null, NOW, null));
        sessions.create(new Session("s3", "ssh", "dave", "dave", "id-web", null, null, NOW.minusSeconds(600),
                NOW.minusSeconds(300)));
    }

    @Test
    void listsRunningSessionsWithNodeNames() {
        assertThat(service.listActive(OPERATOR)).extracting(ActiveSession::id, ActiveSession::nodeName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s1", "web"),
                        org.assertj.core.groups.Tuple.tuple("s2", "id-gone"));
        assertThat(rules.asked).containsExactly("session:list");
    }

    @Test
    void terminateAsksTheNodeToEndItAndAuditsWhoDid() {
        service.terminate(OPERATOR, "s1", " security incident ");

        assertThat(sessions.terminated).containsExactly("s1: security incident");
        NewAuditEvent event = audit.last("session.terminate");
        assertThat(event.username()).isEqualTo("karaf");
        assertThat(event.sessionId()).isEqualTo("s1");
        assertThat(event.login()).isEqualTo("root");
        assertThat(event.node()).isEqualTo("id-web");
        assertThat(event.metadata()).contains("\"user\":\"alice\"", "\"message\":\"security incident\"");
        assertThat(audit.last("admin.access").resource()).isEqualTo("session/s1");
        assertThat(audit.last("admin.access").action()).isEqualTo("delete");

        service.terminate(OPERATOR, "s2", null);
        assertThat(sessions.terminated).last().isEqualTo("s2: session terminated by an administrator");
    }

    @Test
    void onlyRunningSessionsCanBeTerminated() {
        assertThatThrownBy(() -> service.terminate(OPERATOR, "s3", null)).isInstanceOf(NotFoundException.class)
                .hasMessage("session \"s3\" is not running");
        assertThatThrownBy(() -> service.terminate(OPERATOR, "nope", null)).isInstanceOf(NotFoundException.class)
                .hasMessage("session \"nope\" is not running");
        assertThat(sessions.terminated).isEmpty();
    }

    @Test
    void aMessageMayNotCarryTerminalControls() {
        assertThatThrownBy(() -> service.terminate(OPERATOR, "s1", "bye\u001b[2J"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("message: \"bye\\u001b[2J\" has control characters; write plain text on one line");
        assertThat(sessions.terminated).isEmpty();
    }

    @Test
    void deniedCallersEndNothing() {
        assertThatThrownBy(() -> service.terminate(BOB, "s1", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.listActive(BOB)).isInstanceOf(AccessDeniedException.class);
        assertThat(sessions.terminated).isEmpty();
        assertThat(audit.types()).containsExactly("admin.access", "admin.access");
    }
}
