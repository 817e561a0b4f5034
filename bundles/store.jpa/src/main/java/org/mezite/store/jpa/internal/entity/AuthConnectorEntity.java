package org.mezite.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.mezite.api.store.AuthConnector;

@Entity
@Table(name = "auth_connectors")
public class AuthConnectorEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "type", nullable = false, updatable = false)
    private String type;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "config", nullable = false)
    private String config;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected AuthConnectorEntity() {
    }

    public AuthConnectorEntity(String id, String type, String name, String config, long now) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.config = config;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void changeConfig(String newConfig, long now) {
        config = newConfig;
        updatedAt = now;
    }

    public AuthConnector toRecord() {
        return new AuthConnector(id, type, name, config, Times.instant(createdAt), Times.instant(updatedAt));
    }
}
