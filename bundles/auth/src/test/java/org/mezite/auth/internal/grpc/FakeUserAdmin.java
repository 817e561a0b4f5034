package org.mezite.auth.internal.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mezite.api.access.Caller;
import org.mezite.api.admin.UserAdmin;
import org.mezite.api.admin.UserInfo;
import org.mezite.api.auth.Invitation;

/** Users as a test sets them up; records who called, and throws what the test says instead of answering. */
final class FakeUserAdmin implements UserAdmin {

    final List<Caller> callers = new ArrayList<>();
    final List<UserInfo> users = new ArrayList<>();
    volatile RuntimeException failure;

    @Override
    public synchronized List<UserInfo> list(Caller caller) {
        called(caller);
        return List.copyOf(users);
    }

    @Override
    public synchronized UserInfo get(Caller caller, String username) {
        called(caller);
        return users.stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    @Override
    public synchronized Invitation add(Caller caller, String username, List<String> roles,
            Map<String, List<String>> traits) {
        called(caller);
        users.add(new UserInfo(username, roles, traits, false, false, null, Instant.parse("2030-01-01T00:00:00Z")));
        return new Invitation(username, "f".repeat(64), Instant.parse("2030-01-01T01:00:00Z"));
    }

    @Override
    public synchronized UserInfo update(Caller caller, String username, List<String> roles, List<String> logins) {
        called(caller);
        throw new UnsupportedOperationException("update");
    }

    @Override
    public synchronized Invitation reset(Caller caller, String username) {
        called(caller);
        throw new UnsupportedOperationException("reset");
    }

    @Override
    public synchronized void remove(Caller caller, String username) {
        called(caller);
        users.removeIf(u -> u.username().equals(username));
    }

    private void called(Caller caller) {
        callers.add(caller);
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }
}
