package org.mezite.rbac.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.Caller;
import org.mezite.api.access.LockedException;
import org.mezite.api.access.SshAction;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;
import org.mezite.api.access.UserAccess;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTargetKind;

/**
 * The decisions of one policy revision: its roles compiled and its locks indexed by target, immutable. Deny by
 * default; any matching deny wins over every allow; a lock in force denies before any role is looked at.
 */
final class PolicyEvaluator {

    private static final int[] NO_POSITIONS = new int[0];

    private final long revision;
    private final Map<String, CompiledRole> roles;
    private final List<Lock> locks;
    /** Per target kind and value, the positions in {@link #locks} of the locks on it, ascending (newest first). */
    private final Map<LockTargetKind, Map<String, int[]>> lockPositions;
    private final Clock clock;

    PolicyEvaluator(long revision, Collection<CompiledRole> roles, List<Lock> locks, Clock clock) {
        this.revision = revision;
        Map<String, CompiledRole> byName = new HashMap<>();
        for (CompiledRole role : roles) {
            byName.put(role.name(), role);
        }
        this.roles = byName;
        this.locks = List.copyOf(locks);
        this.lockPositions = index(this.locks);
        this.clock = clock;
    }

    private static Map<LockTargetKind, Map<String, int[]>> index(List<Lock> locks) {
        Map<LockTargetKind, Map<String, List<Integer>>> lists = new EnumMap<>(LockTargetKind.class);
        for (int i = 0; i < locks.size(); i++) {
            Lock lock = locks.get(i);
            lists.computeIfAbsent(lock.target().kind(), kind -> new HashMap<>())
                    .computeIfAbsent(lock.target().value(), value -> new ArrayList<>()).add(i);
        }
        Map<LockTargetKind, Map<String, int[]>> index = new EnumMap<>(LockTargetKind.class);
        for (LockTargetKind kind : LockTargetKind.values()) {
            Map<String, int[]> byValue = new HashMap<>();
            lists.getOrDefault(kind, Map.of()).forEach((value, positions) -> byValue.put(value,
                    positions.stream().mapToInt(Integer::intValue).toArray()));
            index.put(kind, byValue);
        }
        return index;
    }

    long revision() {
        return revision;
    }

    AccessDecision checkLogin(SshUser user, String login, SshTarget node) {
        Lock lock = lockFor(user.username(), user.roles(), login, node.nodeId(), node.nodeName());
        if (lock != null) {
            return AccessDecision.deny(LockedException.describe(lock));
        }
        Map<String, List<String>> traits = user.traits();
        Map<String, String> labels = node.labels();
        List<String> names = user.roles();
        CompiledRole allowedBy = null;
        for (int i = 0, n = names.size(); i < n; i++) {
            CompiledRole role = roles.get(names.get(i));
            if (role == null) {
                continue;
            }
            if (role.problem() != null) {
                return AccessDecision.deny(role.unusableReason());
            }
            RoleConditions deny = role.deny();
            if (login != null && deny.logins().matches(login, traits)) {
                return AccessDecision.deny("role \"" + role.name() + "\" denies login \"" + login + "\"");
            }
            if (deny.nodeLabels().matches(labels, traits)) {
                StringBuilder reason = new StringBuilder("role \"").append(role.name()).append("\" denies node_labels ");
                deny.nodeLabels().describeMatch(labels, reason);
                return AccessDecision.deny(reason.toString());
            }
            if (allowedBy == null) {
                RoleConditions allow = role.allow();
                if (allow.nodeLabels().matches(labels, traits) && (login == null
                        ? someLoginAllowed(allow.logins(), names, traits)
                        : allow.logins().matches(login, traits))) {
                    allowedBy = role;
                }
            }
        }
        if (allowedBy == null) {
            return AccessDecision.deny("no role of " + user.username() + " allows "
                    + (login == null ? "any login" : "login \"" + login + "\"") + " on " + node.nodeName() + " "
                    + rolesSummary(names));
        }
        StringBuilder reason = new StringBuilder(96).append("allowed by role \"").append(allowedBy.name())
                .append("\" (");
        if (login != null) {
            reason.append("login \"").append(login).append("\", ");
        }
        allowedBy.allow().nodeLabels().describeMatch(labels, reason.append("node_labels "));
        return AccessDecision.allow(reason.append(')').toString());
    }

    /** Whether the logins include one that no role of the user denies by name (any login, for a pattern). */
    private boolean someLoginAllowed(ValueMatcher logins, List<String> names, Map<String, List<String>> traits) {
        if (logins.hasPatterns()) {
            for (String name : names) {
                CompiledRole role = roles.get(name);
                if (role != null && role.deny().logins().matchesAnything()) {
                    return false;
                }
            }
            return true;
        }
        return logins.anyPlainValue(traits, login -> !loginDenied(login, names, traits));
    }

    private boolean loginDenied(String login, List<String> names, Map<String, List<String>> traits) {
        for (String name : names) {
            CompiledRole role = roles.get(name);
            if (role != null && role.deny().logins().matches(login, traits)) {
                return true;
            }
        }
        return false;
    }

    AccessDecision checkAction(SshUser user, SshAction action, SshTarget node) {
        AccessDecision onNode = checkLogin(user, null, node);
        if (!onNode.allowed()) {
            return onNode;
        }
        CombinedOptions combined = CombinedOptions.of(user.roles(), roles);
        if (combined.unusable() != null) {
            return AccessDecision.deny(combined.unusable().unusableReason());
        }
        return switch (action) {
            case LOCAL_PORT_FORWARDING, REMOTE_PORT_FORWARDING -> optIn(user, "port_forwarding",
                    combined.portForwardingOn(), combined.portForwardingOff());
            case AGENT_FORWARDING -> optIn(user, "forward_agent", combined.forwardAgentOn(),
                    combined.forwardAgentOff());
            case FILE_COPY -> combined.fileCopyOff() != null
                    ? AccessDecision.deny("role \"" + combined.fileCopyOff() + "\" sets ssh_file_copy: false")
                    : AccessDecision.allow("no role of " + user.username() + " sets ssh_file_copy: false");
        };
    }

    private AccessDecision optIn(SshUser user, String option, String on, String off) {
        if (off != null) {
            return AccessDecision.deny("role \"" + off + "\" sets " + option + ": false");
        }
        if (on == null) {
            return AccessDecision.deny("no role of " + user.username() + " sets " + option + ": true "
                    + rolesSummary(user.roles()));
        }
        return AccessDecision.allow("role \"" + on + "\" sets " + option + ": true");
    }

    CombinedOptions options(List<String> roleNames) {
        return CombinedOptions.of(roleNames, roles);
    }

    Optional<Lock> lockFor(SshUser user, String login, SshTarget node) {
        return Optional.ofNullable(lockFor(user.username(), user.roles(), login,
                node == null ? null : node.nodeId(), node == null ? null : node.nodeName()));
    }

    UserAccess userAccess(String username, List<String> roleNames, Map<String, List<String>> traits) {
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean unusable = false;
        for (String name : roleNames) {
            CompiledRole role = roles.get(name);
            if (role == null) {
                missing.add(name);
            } else {
                found.add(name);
                unusable |= !role.usable();
            }
        }
        Set<String> logins = new LinkedHashSet<>();
        if (!unusable) {
            for (String name : found) {
                roles.get(name).allow().logins().plainValues(traits, login -> {
                    // trait values are the user's data: only those that are logins become principals
                    if (RoleSpecReader.LOGIN.matcher(login).matches()) {
                        logins.add(login);
                    }
                });
            }
            logins.removeIf(login -> loginDenied(login, found, traits));
        }
        Lock lock = lockFor(username, roleNames, null, null, null);
        return new UserAccess(username, found, List.copyOf(logins), options(roleNames).options(),
                Optional.ofNullable(lock), missing);
    }

    AccessDecision checkRule(Caller caller, String resource, String verb) {
        if (caller.operator()) {
            return AccessDecision.allow(caller.name() + " is an operator at the hub's console");
        }
        Lock lock = lockFor(caller.name(), caller.roles(), null, null, null);
        if (lock != null) {
            return AccessDecision.deny(LockedException.describe(lock));
        }
        CompiledRole allowedBy = null;
        for (String name : caller.roles()) {
            CompiledRole role = roles.get(name);
            if (role == null) {
                continue;
            }
            if (!role.usable()) {
                return AccessDecision.deny(role.unusableReason());
            }
            if (role.deny().rule(resource, verb) != null) {
                return AccessDecision.deny("role \"" + name + "\" denies " + verb + " on " + resource);
            }
            if (allowedBy == null && role.allow().rule(resource, verb) != null) {
                allowedBy = role;
            }
        }
        if (allowedBy == null) {
            return AccessDecision.deny("no role of " + caller.name() + " allows " + verb + " on " + resource + " "
                    + rolesSummary(caller.roles()));
        }
        return AccessDecision.allow("allowed by role \"" + allowedBy.name() + "\" (" + verb + " on " + resource + ")");
    }

    /** {@code (roles: access, dev)}, with the roles that do not exist: {@code (roles: access; not found: ghost)}. */
    private String rolesSummary(List<String> names) {
        if (names.isEmpty()) {
            return "(no roles)";
        }
        StringBuilder found = new StringBuilder(64);
        StringBuilder missing = null;
        for (int i = 0, n = names.size(); i < n; i++) {
            String name = names.get(i);
            if (roles.containsKey(name)) {
                found.append(found.length() == 0 ? "" : ", ").append(name);
            } else {
                missing = missing == null ? new StringBuilder() : missing.append(", ");
                missing.append(name);
            }
        }
        if (found.length() == 0) {
            return "(roles not found: " + missing + ")";
        }
        return "(roles: " + found + (missing == null ? "" : "; not found: " + missing) + ")";
    }

    /**
     * The newest lock in force on the user, one of the roles, the login or the node (by id or name); {@code null}
     * when there is none. Arguments may be {@code null} when not known.
     */
    private Lock lockFor(String username, List<String> roleNames, String login, String nodeId, String nodeName) {
        if (locks.isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        int best = Integer.MAX_VALUE;
        best = first(LockTargetKind.USER, username, now, best);
        for (int i = 0, n = roleNames.size(); i < n; i++) {
            best = first(LockTargetKind.ROLE, roleNames.get(i), now, best);
        }
        best = first(LockTargetKind.LOGIN, login, now, best);
        best = first(LockTargetKind.NODE, nodeId, now, best);
        best = first(LockTargetKind.NODE, nodeName, now, best);
        return best == Integer.MAX_VALUE ? null : locks.get(best);
    }

    private int first(LockTargetKind kind, String value, Instant now, int best) {
        if (value == null) {
            return best;
        }
        int[] positions = lockPositions.get(kind).getOrDefault(value, NO_POSITIONS);
        for (int position : positions) {
            if (position >= best) {
                break;
            }
            if (locks.get(position).activeAt(now)) {
                return position;
            }
        }
        return best;
    }
}
