package org.mezite.store.jpa.internal.repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.mezite.api.store.AuditChainCheck;
import org.mezite.api.store.AuditEvent;
import org.mezite.api.store.AuditEventRepository;
import org.mezite.api.store.AuditQuery;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.entity.AuditChainEntity;
import org.mezite.store.jpa.internal.entity.AuditEventEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The audit log. Appending first bumps the chain head row, which takes the write lock in both databases, so
 * concurrent appenders (threads or hubs) queue up and each links to the event committed before it.
 */
@Component(service = AuditEventRepository.class)
public final class JpaAuditEventRepository implements AuditEventRepository {

    /** Events read at a time when verifying: the log may be far too large to hold in memory. */
    private static final int VERIFY_PAGE = 1000;

    private final JpaStore store;
    private final int verifyPage;

    @Activate
    public JpaAuditEventRepository(@Reference(name = "store") JpaStore store) {
        this(store, VERIFY_PAGE);
    }

    JpaAuditEventRepository(JpaStore store, int verifyPage) {
        this.store = store;
        this.verifyPage = verifyPage;
    }

    @Override
    public AuditEvent append(NewAuditEvent event) {
        Instant time = event.time() != null ? event.time().truncatedTo(ChronoUnit.MILLIS) : store.now();
        return store.write("audit event " + event.type(), em -> {
            em.createQuery("UPDATE AuditChainEntity c SET c.lastId = c.lastId + 1 WHERE c.id = :head")
                    .setParameter("head", AuditChainEntity.HEAD).executeUpdate();
            Object[] head = em.createQuery("SELECT c.lastId, c.lastHash FROM AuditChainEntity c WHERE c.id = :head",
                    Object[].class).setParameter("head", AuditChainEntity.HEAD).getSingleResult();
            AuditEvent unhashed = new AuditEvent(((Number) head[0]).longValue(), time, event.type(), event.code(),
                    event.username(), event.login(), event.node(), event.sessionId(), event.clientAddr(),
                    event.resource(), event.action(), event.result(), event.metadata(), (String) head[1], "");
            AuditEvent stored = withHash(unhashed, AuditHash.of(unhashed));
            em.persist(new AuditEventEntity(stored));
            em.createQuery("UPDATE AuditChainEntity c SET c.lastHash = :hash WHERE c.id = :head")
                    .setParameter("hash", stored.hash()).setParameter("head", AuditChainEntity.HEAD).executeUpdate();
            return stored;
        });
    }

    @Override
    public List<AuditEvent> query(AuditQuery query) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEventEntity e WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.from() != null) {
            jpql.append(" AND e.createdAt >= :from");
            parameters.put("from", query.from().toEpochMilli());
        }
        if (query.to() != null) {
            jpql.append(" AND e.createdAt < :to");
            parameters.put("to", query.to().toEpochMilli());
        }
        if (query.type() != null) {
            jpql.append(" AND e.type = :type");
            parameters.put("type", query.type());
        }
        if (query.username() != null) {
            jpql.append(" AND e.username = :username");
            parameters.put("username", query.username());
        }
        if (query.sessionId() != null) {
            jpql.append(" AND e.sessionId = :sessionId");
            parameters.put("sessionId", query.sessionId());
        }
        if (query.afterId() > 0) {
            jpql.append(query.newestFirst() ? " AND e.id < :afterId" : " AND e.id > :afterId");
            parameters.put("afterId", query.afterId());
        }
        jpql.append(query.newestFirst() ? " ORDER BY e.id DESC" : " ORDER BY e.id");
        return store.read(em -> {
            TypedQuery<AuditEventEntity> typed = em.createQuery(jpql.toString(), AuditEventEntity.class);
            parameters.forEach(typed::setParameter);
            return typed.setMaxResults(query.limit()).getResultList().stream().map(AuditEventEntity::toRecord)
                    .toList();
        });
    }

    @Override
    public AuditChainCheck verifyChain() {
        return store.read(em -> verifyFrom(em, 1, AuditHash.GENESIS));
    }

    @Override
    public AuditChainCheck verifyChain(Instant since) {
        if (since == null) {
            return verifyChain();
        }
        return store.read(em -> {
            List<AuditEventEntity> first = em.createQuery("SELECT e FROM AuditEventEntity e WHERE e.createdAt >= :since"
                    + " ORDER BY e.id", AuditEventEntity.class).setParameter("since", since.toEpochMilli())
                    .setMaxResults(1).getResultList();
            if (first.isEmpty()) {
                return new AuditChainCheck(0, 0, "");
            }
            AuditEvent start = first.get(0).toRecord();
            return verifyFrom(em, start.id(), start.prevHash());
        });
    }

    /**
     * Checks the events from {@code firstId} on, the first linking to {@code firstPrev}, and then the chain head; a
     * page at a time, each page cleared from the persistence context once checked.
     */
    private AuditChainCheck verifyFrom(EntityManager em, long firstId, String firstPrev) {
        long checked = 0;
        long expectedId = firstId;
        String expectedPrev = firstPrev;
        List<AuditEvent> page = page(em, firstId - 1);
        while (!page.isEmpty()) {
            for (AuditEvent event : page) {
                String problem = problem(event, expectedId, expectedPrev);
                if (problem != null) {
                    return new AuditChainCheck(checked, Math.min(event.id(), expectedId), problem);
                }
                checked++;
                expectedId = event.id() + 1;
                expectedPrev = event.hash();
            }
            page = page(em, expectedId - 1);
        }
        AuditChainEntity head = em.find(AuditChainEntity.class, AuditChainEntity.HEAD);
        if (head.lastId() != expectedId - 1 || !head.lastHash().equals(expectedPrev)) {
            return new AuditChainCheck(checked, expectedId, "the chain head expects " + head.lastId()
                    + " events, the table ends at event " + (expectedId - 1));
        }
        return new AuditChainCheck(checked, 0, "");
    }

    private static String problem(AuditEvent event, long expectedId, String expectedPrev) {
        if (event.id() != expectedId) {
            return "event " + expectedId + " is missing";
        }
        if (!event.prevHash().equals(expectedPrev)) {
            return "event " + event.id() + " does not link to the hash of event " + (expectedId - 1);
        }
        if (!AuditHash.of(event).equals(event.hash())) {
            return "event " + event.id() + " does not match its hash";
        }
        return null;
    }

    private List<AuditEvent> page(EntityManager em, long afterId) {
        List<AuditEvent> page = em.createQuery("SELECT e FROM AuditEventEntity e WHERE e.id > :after ORDER BY e.id",
                AuditEventEntity.class).setParameter("after", afterId).setMaxResults(verifyPage).getResultList()
                .stream().map(AuditEventEntity::toRecord).toList();
        // the entities read so far would otherwise stay in the persistence context until the whole walk is done
        em.clear();
        return page;
    }

    private static AuditEvent withHash(AuditEvent e, String hash) {
        return new AuditEvent(e.id(), e.time(), e.type(), e.code(), e.username(), e.login(), e.node(), e.sessionId(),
                e.clientAddr(), e.resource(), e.action(), e.result(), e.metadata(), e.prevHash(), hash);
    }
}
