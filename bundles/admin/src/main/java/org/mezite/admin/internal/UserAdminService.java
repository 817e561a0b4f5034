package org.mezite.admin.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.Caller;
import org.mezite.api.admin.UserAdmin;
import org.mezite.api.admin.UserInfo;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.auth.Invitation;
import org.mezite.api.auth.LocalUserInvites;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.RoleRepository;
import org.mezite.api.store.User;
import org.mezite.api.store.UserRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Local users. Creating and resetting go through {@link LocalUserInvites}, which audits them ({@code user.create},
 * {@code user.invite}, {@code user.reset}); updates and deletes are audited here with the user before and after.
 */
@Component(service = UserAdmin.class)
public final class UserAdminService implements UserAdmin {

    static final String UPDATE = "user.update";
    static final String DELETE = "user.delete";

    private final UserRepository users;
    private final RoleRepository roles;
    private final LocalUserInvites invites;
    private final AdminAccess access;

    @Activate
    public UserAdminService(@Reference(name = "users") UserRepository users,
            @Reference(name = "roles") RoleRepository roles, @Reference(name = "invites") LocalUserInvites invites,
            @Reference(name = "access") AccessChecker checker, @Reference(name = "audit") AuditRecorder audit) {
        this(users, roles, invites, new AdminAccess(checker, audit, Clock.systemUTC()));
    }

    UserAdminService(UserRepository users, RoleRepository roles, LocalUserInvites invites, AdminAccess access) {
        this.users = users;
        this.roles = roles;
        this.invites = invites;
        this.access = access;
    }

    @Override
    public List<UserInfo> list(Caller caller) {
        access.check(caller, Rules.USER, Rules.LIST, null);
        Instant now = access.now();
        return users.list().stream().sorted(Comparator.comparing(User::username)).map(u -> info(u, now)).toList();
    }

    @Override
    public UserInfo get(Caller caller, String username) {
        access.check(caller, Rules.USER, Rules.READ, username);
        return info(find(username), access.now());
    }

    @Override
    public Invitation add(Caller caller, String username, List<String> roleNames, Map<String, List<String>> traits) {
        access.check(caller, Rules.USER, Rules.CREATE, username);
        List<String> given = roleNames == null ? List.of() : roleNames.stream().distinct().toList();
        checkRolesExist(given);
        Map<String, List<String>> traitMap = traits == null ? Map.of() : traits;
        traitMap.forEach((name, values) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("traits: a trait has no name");
            }
        });
        Logins.check(traitMap.getOrDefault(User.LOGINS_TRAIT, List.of()));
        return invites.createUser(username, given, traitMap, caller.name());
    }

    @Override
    public UserInfo update(Caller caller, String username, List<String> roleNames, List<String> logins) {
        access.check(caller, Rules.USER, Rules.UPDATE, username);
        User before = find(username);
        if (roleNames == null && logins == null) {
            return info(before, access.now());
        }
        List<String> newRoles = roleNames == null ? before.roles() : roleNames.stream().distinct().toList();
        if (roleNames != null) {
            checkRolesExist(newRoles);
        }
        Map<String, List<String>> newTraits = new LinkedHashMap<>(before.traits());
        if (logins != null) {
            List<String> loginList = logins.stream().distinct().toList();
            Logins.check(loginList);
            if (loginList.isEmpty()) {
                newTraits.remove(User.LOGINS_TRAIT);
            } else {
                newTraits.put(User.LOGINS_TRAIT, loginList);
            }
        }
        User after = users.update(username, newRoles, newTraits);
        access.changed(UPDATE, caller, Rules.USER, username,
                new AuditDetails().put("before", UserJson.of(before)).put("after", UserJson.of(after)));
        return info(after, access.now());
    }

    @Override
    public Invitation reset(Caller caller, String username) {
        access.check(caller, Rules.USER, Rules.UPDATE, username);
        return invites.resetUser(username, caller.name());
    }

    @Override
    public void remove(Caller caller, String username) {
        access.check(caller, Rules.USER, Rules.DELETE, username);
        User before = find(username);
        if (!users.delete(username)) {
            throw notFound(username);
        }
        access.changed(DELETE, caller, Rules.USER, username, new AuditDetails().put("before", UserJson.of(before)));
    }

    private User find(String username) {
        return users.findByUsername(username).orElseThrow(() -> notFound(username));
    }

    private void checkRolesExist(List<String> names) {
        for (String name : names) {
            if (name == null || roles.findByName(name).isEmpty()) {
                throw new IllegalArgumentException("role " + AuditDetails.quote(String.valueOf(name))
                        + " does not exist");
            }
        }
    }

    private static NotFoundException notFound(String username) {
        return new NotFoundException("user " + AuditDetails.quote(String.valueOf(username)) + " does not exist");
    }

    static UserInfo info(User user, Instant now) {
        return new UserInfo(user.username(), user.roles(), user.traits(), user.passwordHash() != null,
                user.totpSecret() != null, user.lockedAt(now) ? user.lockedUntil() : null, user.createdAt());
    }
}
