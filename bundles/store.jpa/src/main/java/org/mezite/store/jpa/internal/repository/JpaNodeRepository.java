package org.mezite.store.jpa.internal.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mezite.api.store.Node;
import org.mezite.api.store.NodeRepository;
import org.mezite.api.store.NotFoundException;
import org.mezite.store.jpa.internal.JpaStore;
import org.mezite.store.jpa.internal.entity.NodeEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = NodeRepository.class)
public final class JpaNodeRepository implements NodeRepository {

    private final JpaStore store;

    @Activate
    public JpaNodeRepository(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public Node register(String id, String hostname, String addr, Map<String, String> labels) {
        long now = store.now().toEpochMilli();
        return store.write(subject(id), em -> {
            NodeEntity node = em.find(NodeEntity.class, id);
            if (node == null) {
                node = new NodeEntity(id, hostname, addr, labels, now);
                em.persist(node);
            } else {
                node.changeIdentity(hostname, addr, labels);
            }
            return node.toRecord();
        });
    }

    @Override
    public void heartbeat(String id, String tunnelId, Instant at) {
        store.write(subject(id), em -> {
            int changed = em.createQuery("UPDATE NodeEntity n SET n.lastHeartbeat = :at, n.tunnelId = :tunnel"
                    + " WHERE n.id = :id").setParameter("at", at.toEpochMilli()).setParameter("tunnel", tunnelId)
                    .setParameter("id", id).executeUpdate();
            if (changed == 0) {
                throw new NotFoundException(subject(id) + " does not exist");
            }
            return null;
        });
    }

    @Override
    public Optional<Node> findById(String id) {
        return store.read(em -> Optional.ofNullable(em.find(NodeEntity.class, id)).map(NodeEntity::toRecord));
    }

    @Override
    public List<Node> findByHostname(String hostname) {
        return store.read(em -> em.createQuery("SELECT n FROM NodeEntity n WHERE n.hostname = :hostname"
                + " ORDER BY n.createdAt", NodeEntity.class).setParameter("hostname", hostname)
                .getResultList().stream().map(NodeEntity::toRecord).toList());
    }

    @Override
    public List<Node> list() {
        return store.read(em -> em.createQuery("SELECT n FROM NodeEntity n ORDER BY n.hostname, n.id",
                NodeEntity.class).getResultList().stream().map(NodeEntity::toRecord).toList());
    }

    @Override
    public List<Node> listSeenSince(Instant since) {
        return store.read(em -> em.createQuery("SELECT n FROM NodeEntity n WHERE n.lastHeartbeat >= :since"
                + " ORDER BY n.hostname, n.id", NodeEntity.class).setParameter("since", since.toEpochMilli())
                .getResultList().stream().map(NodeEntity::toRecord).toList());
    }

    @Override
    public boolean delete(String id) {
        return store.write(subject(id), em -> em.createQuery("DELETE FROM NodeEntity n WHERE n.id = :id")
                .setParameter("id", id).executeUpdate() > 0);
    }

    private static String subject(String id) {
        return "node " + id;
    }
}
