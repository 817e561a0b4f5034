package org.mezite.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.mezite.api.store.Role;

@Entity
@Table(name = "roles")
public class RoleEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "spec", nullable = false)
    private String spec;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected RoleEntity() {
    }

    public RoleEntity(String id, String name, String spec, long now) {
        this.id = id;
        this.name = name;
        this.spec = spec;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void changeSpec(String newSpec, long now) {
        spec = newSpec;
        updatedAt = now;
    }

    public Role toRecord() {
        return new Role(id, name, spec, Times.instant(createdAt), Times.instant(updatedAt));
    }
}
