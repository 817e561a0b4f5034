package org.mezite.store.jpa.internal.entity;

import java.util.List;
import java.util.Map;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.mezite.api.store.User;

@Entity
@Table(name = "users")
public class UserEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "username", nullable = false, updatable = false)
    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "roles", nullable = false)
    private String roles;

    @Column(name = "traits", nullable = false)
    private String traits;

    @Column(name = "totp_secret")
    private byte[] totpSecret;

    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Long lockedUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected UserEntity() {
    }

    public UserEntity(String id, String username, List<String> roles, Map<String, List<String>> traits, long now) {
        this.id = id;
        this.username = username;
        this.roles = JsonText.writeList(roles);
        this.traits = JsonText.writeListMap(traits);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void changeRolesAndTraits(List<String> newRoles, Map<String, List<String>> newTraits, long now) {
        roles = JsonText.writeList(newRoles);
        traits = JsonText.writeListMap(newTraits);
        updatedAt = now;
    }

    public void changePasswordHash(String hash, long now) {
        passwordHash = hash;
        updatedAt = now;
    }

    public void changeTotpSecret(byte[] secret, long now) {
        totpSecret = secret == null ? null : secret.clone();
        updatedAt = now;
    }

    public User toRecord() {
        return new User(id, username, passwordHash, JsonText.readList(roles), JsonText.readListMap(traits),
                totpSecret, failedLogins, Times.instantOrNull(lockedUntil), Times.instant(createdAt),
                Times.instant(updatedAt));
    }
}
