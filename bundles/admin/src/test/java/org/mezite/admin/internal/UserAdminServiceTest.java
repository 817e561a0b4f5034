package org.mezite.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.admin.UserInfo;
import org.mezite.api.auth.Invitation;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.User;

class UserAdminServiceTest extends Fixture {

    InMemoryUsers users;
    InMemoryRoles roles;
    RecordingInvites invites;
    UserAdminService service;

    @BeforeEach
    void setUp() {
        users = new InMemoryUsers(NOW);
        roles = new InMemoryRoles(NOW);
        roles.create("access", "name: access");
        roles.create("editor", "name: editor");
        invites = new RecordingInvites(users, NOW);
        service = new UserAdminService(users, roles, invites, access);
    }

    @Test
    void anOperatorAddsAUserThroughTheInvitesAndTheAccessIsAudited() {
        Invitation invitation = service.add(OPERATOR, "alice", List.of("access"),
                Map.of("logins", List.of("alice", "root")));

        assertThat(invitation.username()).isEqualTo("alice");
        assertThat(invites.calls).containsExactly("create alice by karaf");
        assertThat(users.findByUsername("alice").orElseThrow().logins()).containsExactly("alice", "root");
        // user.create is the invites' to audit: here only the decision
        assertThat(audit.types()).containsExactly("admin.access");
        NewAuditEvent event = audit.last("admin.access");
        assertThat(event.result()).isEqualTo("success");
        assertThat(event.username()).isEqualTo("karaf");
        assertThat(event.resource()).isEqualTo("user/alice");
        assertThat(event.action()).isEqualTo("create");
        assertThat(event.time()).isEqualTo(NOW);
        assertThat(event.metadata()).contains("\"operator\":true", "\"reason\":\"operator karaf at the console\"",
                "\"verb\":\"create\"");
    }

    @Test
    void aUserWithoutTheRuleIsDeniedAndNothingHappens() {
        assertThatThrownBy(() -> service.add(BOB, "mallory", List.of("editor"), Map.of()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("no role of bob allows create on user");

        assertThat(users.findByUsername("mallory")).isEmpty();
        assertThat(invites.calls).isEmpty();
        NewAuditEvent event = audit.last("admin.access");
        assertThat(audit.events).hasSize(1);
        assertThat(event.result()).isEqualTo("failure");
        assertThat(event.username()).isEqualTo("bob");
        assertThat(event.metadata()).contains("\"reason\":\"no role of bob allows create on user\"",
                "\"roles\":[\"auditor\"]", "\"success\":false");
    }

    @Test
    void everyMethodAsksItsOwnRule() {
        users.create("alice", List.of(), Map.of());
        service.list(OPERATOR);
        service.get(OPERATOR, "alice");
        service.update(OPERATOR, "alice", List.of("access"), null);
        service.reset(OPERATOR, "alice");
        service.remove(OPERATOR, "alice");

        assertThat(rules.asked).containsExactly("user:list", "user:read", "user:update", "user:update",
                "user:delete");
        for (var call : List.<Runnable>of(() -> service.list(BOB), () -> service.get(BOB, "x"),
                () -> service.update(BOB, "x", List.of(), null), () -> service.reset(BOB, "x"),
                () -> service.remove(BOB, "x"))) {
            assertThatThrownBy(call::run).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void unknownRolesAndBadLoginsAreRefusedByName() {
        assertThatThrownBy(() -> service.add(OPERATOR, "alice", List.of("access", "x"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("role \"x\" does not exist");
        assertThatThrownBy(() -> service.add(OPERATOR, "alice", List.of(), Map.of("logins", List.of("-oProxy"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("login \"-oProxy\" is not acceptable: use letters, digits and . _ -");
        assertThat(users.users).isEmpty();

        users.create("alice", List.of("access"), Map.of());
        assertThatThrownBy(() -> service.update(OPERATOR, "alice", List.of("admin"), null))
                .hasMessage("role \"admin\" does not exist");
        assertThatThrownBy(() -> service.update(OPERATOR, "alice", null, List.of("root", "a b")))
                .hasMessageStartingWith("login \"a b\" is not acceptable");
        assertThat(users.findByUsername("alice").orElseThrow().roles()).containsExactly("access");
    }

    @Test
    void aTakenNameIsAConflict() {
        users.create("alice", List.of(), Map.of());

        assertThatThrownBy(() -> service.add(OPERATOR, "alice", List.of(), Map.of()))
                .isInstanceOf(ConflictException.class).hasMessage("user \"alice\" already exists");
    }

    @Test
    void updateReplacesRolesOrLoginsAndAuditsBeforeAndAfter() {
        Map<String, List<String>> traits = new java.util.LinkedHashMap<>();
        traits.put("logins", List.of("alice"));
        traits.put("team", List.of("dev"));
        users.create("alice", List.of("access"), traits);

        UserInfo rolesChanged = service.update(OPERATOR, "alice", List.of("access", "editor"), null);
        assertThat(rolesChanged.roles()).containsExactly("access", "editor");
        assertThat(rolesChanged.traits()).containsEntry("logins", List.of("alice"))
                .containsEntry("team", List.of("dev"));

        UserInfo loginsChanged = service.update(OPERATOR, "alice", null, List.of("ubuntu", "alice"));
        assertThat(loginsChanged.roles()).containsExactly("access", "editor");
        assertThat(loginsChanged.traits()).containsEntry("logins", List.of("ubuntu", "alice"));

        NewAuditEvent event = audit.last("user.update");
        assertThat(event.username()).isEqualTo("karaf");
        assertThat(event.resource()).isEqualTo("user/alice");
        assertThat(event.metadata()).contains("\"before\":\"{\\\"username\\\":\\\"alice\\\",\\\"roles\\\":"
                + "[\\\"access\\\",\\\"editor\\\"],\\\"traits\\\":{\\\"logins\\\":[\\\"alice\\\"]");
        assertThat(event.metadata()).contains("\\\"logins\\\":[\\\"ubuntu\\\",\\\"alice\\\"]");
        assertThat(audit.types()).containsExactly("admin.access", "user.update", "admin.access", "user.update");

        UserInfo noLogins = service.update(OPERATOR, "alice", List.of(), List.of());
        assertThat(noLogins.roles()).isEmpty();
        assertThat(noLogins.traits()).doesNotContainKey("logins").containsKey("team");
    }

    @Test
    void missingUsersAreNotFound() {
        assertThatThrownBy(() -> service.get(OPERATOR, "ghost")).isInstanceOf(NotFoundException.class)
                .hasMessage("user \"ghost\" does not exist");
        assertThatThrownBy(() -> service.update(OPERATOR, "ghost", List.of(), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.remove(OPERATOR, "ghost")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.reset(OPERATOR, "ghost")).isInstanceOf(NotFoundException.class);
        assertThat(audit.types()).containsOnly("admin.access");
    }

    @Test
    void removeAuditsTheUserAsItWas() {
        users.create("alice", List.of("access"), Map.of("logins", List.of("alice")));

        service.remove(OPERATOR, "alice");

        assertThat(users.users).isEmpty();
        NewAuditEvent event = audit.last("user.delete");
        assertThat(event.resource()).isEqualTo("user/alice");
        assertThat(event.metadata()).contains("\\\"roles\\\":[\\\"access\\\"]");
    }

    @Test
    void resetGoesThroughTheInvites() {
        users.create("alice", List.of(), Map.of());

        assertThat(service.reset(OPERATOR, "alice").username()).isEqualTo("alice");
        assertThat(invites.calls).containsExactly("reset alice by karaf");
    }

    @Test
    void whatAdministratorsSeeOfAUser() {
        users.put(new User("1", "carol", "$2a$hash", List.of("access"), Map.of("logins", List.of("carol")),
                new byte[] {1}, 5, NOW.plusSeconds(600), NOW.minusSeconds(60), NOW));
        users.put(new User("2", "dave", null, List.of(), Map.of(), null, 5, NOW.minusSeconds(1), NOW, NOW));

        List<UserInfo> all = service.list(OPERATOR);

        assertThat(all).extracting(UserInfo::username).containsExactly("carol", "dave");
        UserInfo carol = all.get(0);
        assertThat(carol.passwordSet()).isTrue();
        assertThat(carol.totpEnrolled()).isTrue();
        assertThat(carol.lockedUntil()).isEqualTo(NOW.plusSeconds(600));
        assertThat(carol.createdAt()).isEqualTo(Instant.parse("2030-01-02T03:03:05Z"));
        UserInfo dave = all.get(1);
        assertThat(dave.passwordSet()).isFalse();
        assertThat(dave.totpEnrolled()).isFalse();
        assertThat(dave.lockedUntil()).as("a lock that lapsed is not shown").isNull();
    }

    @Test
    void aGrantedRuleLetsAUserIn() {
        rules.grant("user", "list");

        assertThat(service.list(BOB)).isEmpty();
        assertThat(audit.last("admin.access").metadata()).contains("\"reason\":\"role \\\"editor\\\" allows user:list\"");
    }
}
