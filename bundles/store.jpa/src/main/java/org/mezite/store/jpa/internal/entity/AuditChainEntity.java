package org.mezite.store.jpa.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The single row holding the head of the audit hash chain: the last id handed out and the last hash. */
@Entity
@Table(name = "audit_chain")
public class AuditChainEntity {

    /** The id of the only row. */
    public static final int HEAD = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_id", nullable = false)
    private long lastId;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditChainEntity() {
    }

    public long lastId() {
        return lastId;
    }

    public String lastHash() {
        return lastHash;
    }
}
