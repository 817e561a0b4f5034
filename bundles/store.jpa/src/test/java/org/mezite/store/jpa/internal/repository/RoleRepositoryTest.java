package org.mezite.store.jpa.internal.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Role;
import org.mezite.api.store.RoleRepository;
import org.mezite.store.jpa.internal.Stores;

class RoleRepositoryTest {

    @RegisterExtension
    static final Stores STORES = new Stores();

    private static final String SPEC = "kind: role\nspec:\n  allow:\n    logins: [root]\n";

    private static RoleRepository roles(DatabaseKind kind) {
        return new JpaRoleRepository(STORES.store(kind));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void createsFindsUpdatesAndDeletes(DatabaseKind kind) {
        String name = Unique.name("dev");
        Role created = roles(kind).create(name, SPEC);

        assertThat(roles(kind).findByName(name)).contains(created);
        assertThat(roles(kind).list()).contains(created);

        Role updated = roles(kind).update(name, SPEC + "    node_labels: {env: dev}\n");
        assertThat(updated.spec()).endsWith("{env: dev}\n");
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(roles(kind).findByName(name)).contains(updated);

        assertThat(roles(kind).delete(name)).isTrue();
        assertThat(roles(kind).findByName(name)).isEmpty();
        assertThat(roles(kind).delete(name)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aTakenNameIsAClearConflict(DatabaseKind kind) {
        String name = Unique.name("ops");
        roles(kind).create(name, SPEC);

        assertThatThrownBy(() -> roles(kind).create(name, SPEC)).isInstanceOf(ConflictException.class)
                .hasMessage("role \"" + name + "\" already exists");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void updatingAMissingRoleSaysSo(DatabaseKind kind) {
        String name = Unique.name("none");
        assertThatThrownBy(() -> roles(kind).update(name, SPEC)).isInstanceOf(NotFoundException.class)
                .hasMessage("role \"" + name + "\" does not exist");
    }
}
