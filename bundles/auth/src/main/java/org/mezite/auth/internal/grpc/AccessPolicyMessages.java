package org.mezite.auth.internal.grpc;

import java.time.Instant;

import org.mezite.api.access.AccessPolicy;
import org.mezite.api.store.Lock;
import org.mezite.api.store.Role;

import com.google.protobuf.Timestamp;

/** The wire form of an {@link AccessPolicy} ({@code mezite.auth.v1.AccessPolicy}); unknown times stay unset. */
final class AccessPolicyMessages {

    private AccessPolicyMessages() {
    }

    static org.mezite.proto.auth.v1.AccessPolicy toMessage(AccessPolicy policy) {
        org.mezite.proto.auth.v1.AccessPolicy.Builder message = org.mezite.proto.auth.v1.AccessPolicy.newBuilder()
                .setRevision(policy.revision());
        for (Role role : policy.roles()) {
            message.addRoles(role(role));
        }
        for (Lock lock : policy.locks()) {
            message.addLocks(lock(lock));
        }
        for (AccessPolicy.SessionTermination termination : policy.terminatedSessions()) {
            message.addTerminatedSessions(org.mezite.proto.auth.v1.SessionTermination.newBuilder()
                    .setSessionId(termination.sessionId()).setMessage(termination.message()));
        }
        return message.build();
    }

    private static org.mezite.proto.auth.v1.Role role(Role role) {
        org.mezite.proto.auth.v1.Role.Builder message = org.mezite.proto.auth.v1.Role.newBuilder()
                .setId(role.id()).setName(role.name()).setSpec(role.spec());
        if (role.createdAt() != null) {
            message.setCreatedAt(timestamp(role.createdAt()));
        }
        if (role.updatedAt() != null) {
            message.setUpdatedAt(timestamp(role.updatedAt()));
        }
        return message.build();
    }

    private static org.mezite.proto.auth.v1.Lock lock(Lock lock) {
        org.mezite.proto.auth.v1.Lock.Builder message = org.mezite.proto.auth.v1.Lock.newBuilder()
                .setId(lock.id()).setTargetKind(lock.target().kind().id()).setTargetValue(lock.target().value())
                .setCreatedBy(lock.createdBy());
        if (lock.message() != null) {
            message.setMessage(lock.message());
        }
        if (lock.expiresAt() != null) {
            message.setExpiresAt(timestamp(lock.expiresAt()));
        }
        if (lock.createdAt() != null) {
            message.setCreatedAt(timestamp(lock.createdAt()));
        }
        return message.build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
