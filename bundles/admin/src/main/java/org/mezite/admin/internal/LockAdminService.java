package org.mezite.admin.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.Caller;
import org.mezite.api.admin.LockAdmin;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.join.NodeRegistry;
import org.mezite.api.join.RegisteredNode;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockRepository;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;
import org.mezite.api.store.NotFoundException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Locks, audited as {@code lock.create} and {@code lock.delete} with their target, message and expiry. Enforcement
 * is the access checker's: it reads the locks in force with the rest of the access policy.
 */
@Component(service = LockAdmin.class)
public final class LockAdminService implements LockAdmin {

    static final String CREATE = "lock.create";
    static final String DELETE = "lock.delete";

    private final LockRepository locks;
    private final NodeRegistry nodes;
    private final AdminAccess access;

    @Activate
    public LockAdminService(@Reference(name = "locks") LockRepository locks,
            @Reference(name = "nodes") NodeRegistry nodes, @Reference(name = "access") AccessChecker checker,
            @Reference(name = "audit") AuditRecorder audit) {
        this(locks, nodes, new AdminAccess(checker, audit, Clock.systemUTC()));
    }

    LockAdminService(LockRepository locks, NodeRegistry nodes, AdminAccess access) {
        this.locks = locks;
        this.nodes = nodes;
        this.access = access;
    }

    @Override
    public Lock add(Caller caller, LockTarget target, String message, Duration ttl) {
        access.check(caller, Rules.LOCK, Rules.CREATE, target == null ? null : target.toString());
        if (target == null) {
            throw new IllegalArgumentException("lock target: missing; lock a user, role, login or node");
        }
        String value = target.value().strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("lock target: the " + target.kind().id() + " is empty");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("lock target: the " + target.kind().id() + " "
                    + AuditDetails.quote(value) + " has control characters");
        }
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("ttl: must be longer than 0, got " + ttl);
        }
        String text = ShownText.check("message", message);
        LockTarget locked = new LockTarget(target.kind(),
                target.kind() == LockTargetKind.NODE ? nodeId(value) : value);
        Instant expiresAt = ttl == null ? null : access.now().plus(ttl);
        Lock lock = locks.create(locked, text, expiresAt, caller.name());
        access.changed(CREATE, caller, Rules.LOCK, lock.id(), details(lock));
        return lock;
    }

    @Override
    public List<Lock> list(Caller caller) {
        access.check(caller, Rules.LOCK, Rules.LIST, null);
        return locks.listActive(access.now());
    }

    @Override
    public void remove(Caller caller, String id) {
        access.check(caller, Rules.LOCK, Rules.DELETE, id);
        Lock lock = locks.list().stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> notFound(id));
        if (!locks.delete(lock.id())) {
            throw notFound(id);
        }
        access.changed(DELETE, caller, Rules.LOCK, lock.id(), details(lock));
    }

    /**
     * Nodes are locked by id, which stays when a node is renamed; a node's name is taken for its id when exactly one
     * node has that name and none has it as id.
     */
    private String nodeId(String value) {
        if (nodes.find(value).isPresent()) {
            return value;
        }
        List<RegisteredNode> named = nodes.list().stream().filter(n -> n.name().equals(value)).toList();
        return named.size() == 1 ? named.get(0).id() : value;
    }

    private static AuditDetails details(Lock lock) {
        return new AuditDetails().put("lock_id", lock.id()).put("target", lock.target().toString())
                .put("target_kind", lock.target().kind().id()).put("target_value", lock.target().value())
                .put("message", lock.message())
                .put("expires_at", lock.expiresAt() == null ? null : lock.expiresAt().toString());
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("lock " + AuditDetails.quote(String.valueOf(id)) + " does not exist");
    }
}
