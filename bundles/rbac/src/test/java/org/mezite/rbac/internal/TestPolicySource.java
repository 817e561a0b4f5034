package org.mezite.rbac.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.AccessPolicySource;
import org.mezite.api.store.Lock;
import org.mezite.api.store.Role;

/** A policy source that publishes what the test gives it, on the test's thread. */
final class TestPolicySource implements AccessPolicySource {

    private static final RoleDocumentParser PARSER = new RoleDocumentParser();

    private final List<Consumer<AccessPolicy>> listeners = new CopyOnWriteArrayList<>();
    private volatile AccessPolicy current = AccessPolicy.EMPTY;
    private long revision;

    /** Publishes the roles (YAML documents, named by their metadata.name) and locks as a new revision. */
    TestPolicySource publish(List<String> roleDocuments, List<Lock> locks) {
        List<Role> roles = new ArrayList<>();
        for (String document : roleDocuments) {
            roles.add(role(PARSER.parse(document).name(), document));
        }
        current = new AccessPolicy(++revision, roles, locks, List.of());
        listeners.forEach(listener -> listener.accept(current));
        return this;
    }

    TestPolicySource publish(String... roleDocuments) {
        return publish(List.of(roleDocuments), List.of());
    }

    /** Publishes stored roles as they are, even ones that do not parse. */
    TestPolicySource publishStored(List<Role> roles) {
        current = new AccessPolicy(++revision, roles, List.of(), List.of());
        listeners.forEach(listener -> listener.accept(current));
        return this;
    }

    static Role role(String name, String spec) {
        Instant now = Instant.now();
        return new Role(UUID.randomUUID().toString(), name, spec, now, now);
    }

    @Override
    public AccessPolicy current() {
        return current;
    }

    @Override
    public AutoCloseable subscribe(Consumer<AccessPolicy> listener) {
        listeners.add(listener);
        listener.accept(current);
        return () -> listeners.remove(listener);
    }
}
