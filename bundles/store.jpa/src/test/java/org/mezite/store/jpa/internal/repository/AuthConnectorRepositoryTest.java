package org.mezite.store.jpa.internal.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.AuthConnector;
import org.mezite.api.store.AuthConnectorRepository;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.store.jpa.internal.Stores;

class AuthConnectorRepositoryTest {

    @RegisterExtension
    static final Stores STORES = new Stores();

    private static AuthConnectorRepository connectors(DatabaseKind kind) {
        return new JpaAuthConnectorRepository(STORES.store(kind));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void createsUpdatesListsAndDeletes(DatabaseKind kind) {
        String name = Unique.name("corp");
        AuthConnector created = connectors(kind).create("oidc", name, "{\"client_secret\":\"xyz\"}");

        assertThat(connectors(kind).findByName(name)).contains(created);
        assertThat(connectors(kind).listByType("oidc")).contains(created);
        assertThat(connectors(kind).listByType("saml")).doesNotContain(created);
        assertThat(created.toString()).doesNotContain("xyz");

        AuthConnector updated = connectors(kind).update(name, "{\"client_secret\":\"abc\"}");
        assertThat(updated.config()).contains("abc");
        assertThat(connectors(kind).list()).contains(updated);

        assertThat(connectors(kind).delete(name)).isTrue();
        assertThat(connectors(kind).findByName(name)).isEmpty();
        assertThat(connectors(kind).delete(name)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aTakenNameIsAClearConflict(DatabaseKind kind) {
        String name = Unique.name("github");
        connectors(kind).create("github", name, "{}");

        assertThatThrownBy(() -> connectors(kind).create("oidc", name, "{}")).isInstanceOf(ConflictException.class)
                .hasMessage("auth connector \"" + name + "\" already exists");
        assertThatThrownBy(() -> connectors(kind).update(Unique.name("none"), "{}"))
                .isInstanceOf(NotFoundException.class);
    }
}
