package org.mezite.admin.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.Caller;
import org.mezite.api.access.InvalidRoleException;
import org.mezite.api.access.RoleDocument;
import org.mezite.api.access.RoleDocuments;
import org.mezite.api.admin.RoleAdmin;
import org.mezite.api.admin.RoleInfo;
import org.mezite.api.audit.AuditDetails;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.Role;
import org.mezite.api.store.RoleRepository;
import org.mezite.api.store.User;
import org.mezite.api.store.UserRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Roles: documents are validated by {@link RoleDocuments} and stored as the YAML it returns. Changes are audited
 * with the YAML before and after ({@code role.create}, {@code role.update}, {@code role.delete}).
 */
@Component(service = RoleAdmin.class)
public final class RoleAdminService implements RoleAdmin {

    static final String CREATE = "role.create";
    static final String UPDATE = "role.update";
    static final String DELETE = "role.delete";
    /** How many holders a refused delete names before it says "and N more". */
    static final int HOLDERS_SHOWN = 10;

    private final RoleRepository roles;
    private final UserRepository users;
    private final RoleDocuments documents;
    private final AdminAccess access;

    @Activate
    public RoleAdminService(@Reference(name = "roles") RoleRepository roles,
            @Reference(name = "users") UserRepository users, @Reference(name = "documents") RoleDocuments documents,
            @Reference(name = "access") AccessChecker checker, @Reference(name = "audit") AuditRecorder audit) {
        this(roles, users, documents, new AdminAccess(checker, audit, Clock.systemUTC()));
    }

    RoleAdminService(RoleRepository roles, UserRepository users, RoleDocuments documents, AdminAccess access) {
        this.roles = roles;
        this.users = users;
        this.documents = documents;
        this.access = access;
    }

    @Override
    public List<RoleInfo> list(Caller caller) {
        access.check(caller, Rules.ROLE, Rules.LIST, null);
        return roles.list().stream().map(this::info).toList();
    }

    @Override
    public RoleInfo get(Caller caller, String name) {
        access.check(caller, Rules.ROLE, Rules.READ, name);
        return info(find(name));
    }

    @Override
    public RoleInfo create(Caller caller, String document, boolean replace) {
        // The verb depends on the name inside the document, but a caller whose rules deny them must hear that
        // first, whatever they sent: so the document is parsed, the access checked, and only then a bad document
        // refused.
        RoleDocument parsed = null;
        InvalidRoleException invalid = null;
        try {
            if (document == null || document.isBlank()) {
                throw new InvalidRoleException("the role document is empty");
            }
            parsed = documents.parse(document);
        } catch (InvalidRoleException e) {
            invalid = e;
        }
        Optional<Role> existing = parsed == null ? Optional.empty() : roles.findByName(parsed.name());
        boolean update = replace && existing.isPresent();
        access.check(caller, Rules.ROLE, update ? Rules.UPDATE : Rules.CREATE, parsed == null ? null : parsed.name());
        if (invalid != null) {
            throw invalid;
        }
        String name = parsed.name();
        if (existing.isPresent() && !replace) {
            throw new ConflictException("role " + AuditDetails.quote(name) + " already exists");
        }
        if (update) {
            Role after = roles.update(name, parsed.yaml());
            access.changed(UPDATE, caller, Rules.ROLE, name,
                    new AuditDetails().put("before", existing.get().spec()).put("after", after.spec()));
            return info(after, parsed.description());
        }
        Role created = roles.create(name, parsed.yaml());
        access.changed(CREATE, caller, Rules.ROLE, name, new AuditDetails().put("after", created.spec()));
        return info(created, parsed.description());
    }

    @Override
    public void remove(Caller caller, String name) {
        access.check(caller, Rules.ROLE, Rules.DELETE, name);
        Role before = find(name);
        List<String> holders = users.list().stream().filter(u -> u.roles().contains(name)).map(User::username)
                .toList();
        if (!holders.isEmpty()) {
            String shown = String.join(", ", holders.subList(0, Math.min(HOLDERS_SHOWN, holders.size())))
                    + (holders.size() > HOLDERS_SHOWN ? " and " + (holders.size() - HOLDERS_SHOWN) + " more" : "");
            throw new ConflictException("role " + AuditDetails.quote(name) + " is still assigned to " + shown
                    + "; remove it from their roles first");
        }
        if (!roles.delete(name)) {
            throw notFound(name);
        }
        access.changed(DELETE, caller, Rules.ROLE, name, new AuditDetails().put("before", before.spec()));
    }

    private Role find(String name) {
        return roles.findByName(name).orElseThrow(() -> notFound(name));
    }

    /** The stored role with its description; a role stored before validation got stricter still lists. */
    private RoleInfo info(Role role) {
        String description;
        try {
            description = documents.parse(role.spec()).description();
        } catch (InvalidRoleException e) {
            description = "";
        }
        return info(role, description);
    }

    private static RoleInfo info(Role role, String description) {
        return new RoleInfo(role.name(), description, role.spec(), role.createdAt(), role.updatedAt());
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("role " + AuditDetails.quote(String.valueOf(name)) + " does not exist");
    }
}
