package org.mezite.admin.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.Caller;
import org.mezite.api.access.SessionTerminator;
import org.mezite.api.admin.ActiveSession;
import org.mezite.api.admin.SessionAdmin;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.join.NodeRegistry;
import org.mezite.api.join.RegisteredNode;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Session;
import org.mezite.api.store.SessionRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Sessions running on nodes, and ending one ({@code session.terminate}). */
@Component(service = SessionAdmin.class)
public final class SessionAdminService implements SessionAdmin {

    static final String TERMINATE = "session.terminate";
    /** What the user reads when the administrator gave no message. */
    static final String DEFAULT_MESSAGE = "session terminated by an administrator";

    private final SessionRepository sessions;
    private final NodeRegistry nodes;
    private final SessionTerminator terminator;
    private final AdminAccess access;

    @Activate
    public SessionAdminService(@Reference(name = "sessions") SessionRepository sessions,
            @Reference(name = "nodes") NodeRegistry nodes, @Reference(name = "terminator") SessionTerminator terminator,
            @Reference(name = "access") AccessChecker checker, @Reference(name = "audit") AuditRecorder audit) {
        this(sessions, nodes, terminator, new AdminAccess(checker, audit, Clock.systemUTC()));
    }

    SessionAdminService(SessionRepository sessions, NodeRegistry nodes, SessionTerminator terminator,
            AdminAccess access) {
        this.sessions = sessions;
        this.nodes = nodes;
        this.terminator = terminator;
        this.access = access;
    }

    @Override
    public List<ActiveSession> listActive(Caller caller) {
        access.check(caller, Rules.SESSION, Rules.LIST, null);
        Map<String, String> names = nodes.list().stream()
                .collect(Collectors.toMap(RegisteredNode::id, RegisteredNode::name, (a, b) -> a));
        return sessions.listActive().stream().map(s -> new ActiveSession(s.id(), s.username(), s.login(), s.nodeId(),
                s.nodeId() == null ? null : names.getOrDefault(s.nodeId(), s.nodeId()), s.clientAddr(),
                s.startedAt())).toList();
    }

    @Override
    public void terminate(Caller caller, String sessionId, String message) {
        access.check(caller, Rules.SESSION, Rules.DELETE, sessionId);
        String shown = ShownText.check("message", message);
        Session session = sessions.findById(String.valueOf(sessionId)).filter(Session::active)
                .orElseThrow(() -> new NotFoundException("session " + AuditDetails.quote(String.valueOf(sessionId))
                        + " is not running"));
        String text = shown == null ? DEFAULT_MESSAGE : shown;
        terminator.terminate(session.id(), text);
        access.sessionChanged(TERMINATE, caller, session.id(), session.login(), session.nodeId(),
                new AuditDetails().put("user", session.username()).put("message", text));
    }
}
