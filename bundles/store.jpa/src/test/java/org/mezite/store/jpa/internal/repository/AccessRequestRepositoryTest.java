package org.mezite.store.jpa.internal.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.store.AccessRequest;
import org.mezite.api.store.AccessRequestRepository;
import org.mezite.api.store.AccessRequestState;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.store.jpa.internal.Stores;

class AccessRequestRepositoryTest {

    @RegisterExtension
    static final Stores STORES = new Stores();

    private static AccessRequestRepository requests(DatabaseKind kind) {
        return new JpaAccessRequestRepository(STORES.store(kind));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void filesAndApprovesARequestOnce(DatabaseKind kind) {
        String user = Unique.name("alice");
        Instant expires = Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        AccessRequest filed = requests(kind).create(user, List.of("db-admin", "auditor"), "incident 42", expires);

        assertThat(filed.state()).isEqualTo(AccessRequestState.PENDING);
        assertThat(filed.requestedRoles()).containsExactly("db-admin", "auditor");
        assertThat(requests(kind).findById(filed.id())).contains(filed);
        assertThat(requests(kind).list(AccessRequestState.PENDING)).contains(filed);
        assertThat(requests(kind).listByUser(user)).containsExactly(filed);

        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AccessRequest approved = requests(kind).resolve(filed.id(), AccessRequestState.APPROVED, "bob", "ok", at);

        assertThat(approved.state()).isEqualTo(AccessRequestState.APPROVED);
        assertThat(approved.resolvedBy()).isEqualTo("bob");
        assertThat(approved.resolveReason()).isEqualTo("ok");
        assertThat(approved.resolvedAt()).isEqualTo(at);
        assertThat(requests(kind).list(AccessRequestState.PENDING)).doesNotContain(filed);
        assertThatThrownBy(() -> requests(kind).resolve(filed.id(), AccessRequestState.DENIED, "carol", "no", at))
                .isInstanceOf(ConflictException.class)
                .hasMessage("access request " + filed.id() + " is already approved");
        assertThat(requests(kind).findById(filed.id())).contains(approved);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void resolvingAMissingOrPendingStateIsRefused(DatabaseKind kind) {
        Instant now = Instant.now();
        assertThatThrownBy(() -> requests(kind).resolve("nope", AccessRequestState.DENIED, "bob", null, now))
                .isInstanceOf(NotFoundException.class).hasMessage("access request nope does not exist");
        AccessRequest filed = requests(kind).create(Unique.name("dan"), List.of("x"), null, now.plusSeconds(60));
        assertThatThrownBy(() -> requests(kind).resolve(filed.id(), AccessRequestState.PENDING, "bob", null, now))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void deletesARequest(DatabaseKind kind) {
        AccessRequest filed = requests(kind).create(Unique.name("eve"), List.of("x"), null,
                Instant.now().plusSeconds(60));
        assertThat(requests(kind).delete(filed.id())).isTrue();
        assertThat(requests(kind).findById(filed.id())).isEmpty();
        assertThat(requests(kind).delete(filed.id())).isFalse();
    }
}
