package org.mezite.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.access.InvalidRoleException;
import org.mezite.api.admin.RoleInfo;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.NotFoundException;

class RoleAdminServiceTest extends Fixture {

    static final String DEV = "kind: role\nname: dev\ndescription: developers\n";

    InMemoryRoles roles;
    InMemoryUsers users;
    RoleAdminService service;

    @BeforeEach
    void setUp() {
        roles = new InMemoryRoles(NOW);
        users = new InMemoryUsers(NOW);
        service = new RoleAdminService(roles, users, new LineRoleDocuments(), access);
    }

    @Test
    void createStoresTheValidatedYamlAndAuditsIt() {
        RoleInfo created = service.create(OPERATOR, DEV, false);

        assertThat(created.name()).isEqualTo("dev");
        assertThat(created.description()).isEqualTo("developers");
        assertThat(created.yaml()).isEqualTo("# normalised\n" + DEV);
        assertThat(roles.findByName("dev").orElseThrow().spec()).isEqualTo("# normalised\n" + DEV);
        assertThat(audit.types()).containsExactly("admin.access", "role.create");
        assertThat(audit.last("admin.access").resource()).isEqualTo("role/dev");
        assertThat(audit.last("admin.access").action()).isEqualTo("create");
        NewAuditEvent event = audit.last("role.create");
        assertThat(event.username()).isEqualTo("karaf");
        assertThat(event.resource()).isEqualTo("role/dev");
        assertThat(event.metadata()).contains("\"after\":\"# normalised\\nkind: role\\nname: dev\\n");
    }

    @Test
    void anExistingRoleIsAConflictUnlessReplaced() {
        service.create(OPERATOR, DEV, false);

        assertThatThrownBy(() -> service.create(OPERATOR, DEV.replace("developers", "devs"), false))
                .isInstanceOf(ConflictException.class).hasMessage("role \"dev\" already exists");

        RoleInfo replaced = service.create(OPERATOR, DEV.replace("developers", "devs"), true);
        assertThat(replaced.description()).isEqualTo("devs");
        assertThat(rules.asked).containsExactly("role:create", "role:create", "role:update");
        NewAuditEvent event = audit.last("role.update");
        assertThat(event.metadata()).contains("\"before\":\"# normalised\\nkind: role\\nname: dev\\ndescription: developers\\n\"",
                "\"after\":\"# normalised\\nkind: role\\nname: dev\\ndescription: devs\\n\"");
    }

    @Test
    void replaceCreatesWhenTheRoleIsNew() {
        service.create(OPERATOR, DEV, true);

        assertThat(rules.asked).containsExactly("role:create");
        assertThat(audit.types()).containsExactly("admin.access", "role.create");
    }

    @Test
    void anInvalidDocumentIsRefusedWithTheParsersMessage() {
        assertThatThrownBy(() -> service.create(OPERATOR, "name: dev\nbad: regex \"^(eu\"", false))
                .isInstanceOf(InvalidRoleException.class).hasMessage("role \"dev\": spec.bad: regex \"^(eu\"");
        assertThatThrownBy(() -> service.create(OPERATOR, "  \n", false))
                .isInstanceOf(InvalidRoleException.class).hasMessage("the role document is empty");
        assertThat(roles.roles).isEmpty();
    }

    @Test
    void aDeniedCallerHearsSoEvenWithABadDocument() {
        assertThatThrownBy(() -> service.create(BOB, "bad: yes", false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.create(BOB, DEV, false)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("no role of bob allows create on role");
        service.create(OPERATOR, DEV, false);
        assertThatThrownBy(() -> service.create(BOB, DEV, true)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("no role of bob allows update on role");
        assertThatThrownBy(() -> service.list(BOB)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.get(BOB, "dev")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.remove(BOB, "dev")).isInstanceOf(AccessDeniedException.class);

        assertThat(roles.findByName("dev").orElseThrow().spec()).contains("developers");
        assertThat(audit.events.stream().filter(e -> e.result().equals("failure")).count()).isEqualTo(6);
    }

    @Test
    void aRoleThatUsersHaveIsNotRemoved() {
        service.create(OPERATOR, DEV, false);
        users.create("alice", List.of("dev"), Map.of());
        users.create("bob", List.of("access", "dev"), Map.of());
        users.create("carol", List.of("access"), Map.of());

        assertThatThrownBy(() -> service.remove(OPERATOR, "dev")).isInstanceOf(ConflictException.class)
                .hasMessage("role \"dev\" is still assigned to alice, bob; remove it from their roles first");
        assertThat(roles.findByName("dev")).isPresent();

        users.delete("alice");
        users.delete("bob");
        service.remove(OPERATOR, "dev");
        assertThat(roles.roles).isEmpty();
        NewAuditEvent event = audit.last("role.delete");
        assertThat(event.resource()).isEqualTo("role/dev");
        assertThat(event.metadata()).contains("\"before\":\"# normalised\\nkind: role\\nname: dev\\n");
    }

    @Test
    void manyHoldersAreCounted() {
        service.create(OPERATOR, DEV, false);
        for (int i = 0; i < 12; i++) {
            users.create("u" + (char) ('a' + i), List.of("dev"), Map.of());
        }

        assertThatThrownBy(() -> service.remove(OPERATOR, "dev"))
                .hasMessage("role \"dev\" is still assigned to ua, ub, uc, ud, ue, uf, ug, uh, ui, uj and 2 more;"
                        + " remove it from their roles first");
    }

    @Test
    void getAndListShowTheStoredYaml() {
        service.create(OPERATOR, DEV, false);
        roles.create("legacy", "not a role at all");

        assertThat(service.get(OPERATOR, "dev").yaml()).startsWith("# normalised\n");
        assertThat(service.list(OPERATOR)).extracting(RoleInfo::name, RoleInfo::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dev", "developers"),
                        org.assertj.core.groups.Tuple.tuple("legacy", ""));
        assertThatThrownBy(() -> service.get(OPERATOR, "ghost")).isInstanceOf(NotFoundException.class)
                .hasMessage("role \"ghost\" does not exist");
        assertThatThrownBy(() -> service.remove(OPERATOR, "ghost")).isInstanceOf(NotFoundException.class);
    }
}
