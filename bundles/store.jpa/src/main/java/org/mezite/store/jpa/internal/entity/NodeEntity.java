package org.mezite.store.jpa.internal.entity;

import java.util.Map;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.mezite.api.store.Node;

@Entity
@Table(name = "nodes")
public class NodeEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "hostname", nullable = false)
    private String hostname;

    @Column(name = "addr")
    private String addr;

    @Column(name = "labels", nullable = false)
    private String labels;

    @Column(name = "tunnel_id")
    private String tunnelId;

    @Column(name = "last_heartbeat")
    private Long lastHeartbeat;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    protected NodeEntity() {
    }

    public NodeEntity(String id, String hostname, String addr, Map<String, String> labels, long now) {
        this.id = id;
        this.createdAt = now;
        changeIdentity(hostname, addr, labels);
    }

    public void changeIdentity(String newHostname, String newAddr, Map<String, String> newLabels) {
        hostname = newHostname;
        addr = newAddr;
        labels = JsonText.writeMap(newLabels);
    }

    public Node toRecord() {
        return new Node(id, hostname, addr, JsonText.readMap(labels), tunnelId, Times.instantOrNull(lastHeartbeat),
                Times.instant(createdAt));
    }
}
