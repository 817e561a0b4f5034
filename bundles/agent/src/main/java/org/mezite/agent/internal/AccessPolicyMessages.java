package org.mezite.agent.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mezite.api.access.AccessPolicy;
import org.mezite.api.access.AccessPolicy.SessionTermination;
import org.mezite.api.recording.RecordingMode;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;
import org.mezite.api.store.Role;

import com.google.protobuf.Timestamp;

/**
 * The access policy as Auth sends it ({@code mezite.auth.v1.AccessPolicy}) turned into the API's
 * {@link AccessPolicy}. Entries this agent cannot understand are left out and named in {@link Converted#skipped()}:
 * a lock of a kind newer than the agent cannot be matched to anything here (the proxy still enforces it before it
 * dials), and one bad entry must not cost the node every other role and lock. The cluster's recording mode comes with
 * the policy; a mode this agent does not know records as {@code node}, which loses nothing.
 */
final class AccessPolicyMessages {

    /** A policy, the recording mode sent with it, and what had to be left out of it, each with why. */
    record Converted(AccessPolicy policy, RecordingMode recordingMode, List<String> skipped) {
    }

    private AccessPolicyMessages() {
    }

    static Converted fromWire(org.mezite.proto.auth.v1.AccessPolicy wire) {
        List<String> skipped = new ArrayList<>();
        List<Role> roles = new ArrayList<>();
        for (org.mezite.proto.auth.v1.Role role : wire.getRolesList()) {
            if (role.getName().isEmpty()) {
                skipped.add("a role without a name (id \"" + role.getId() + "\")");
                continue;
            }
            roles.add(new Role(role.getId(), role.getName(), role.getSpec(),
                    role.hasCreatedAt() ? instant(role.getCreatedAt()) : null,
                    role.hasUpdatedAt() ? instant(role.getUpdatedAt()) : null));
        }
        List<Lock> locks = new ArrayList<>();
        for (org.mezite.proto.auth.v1.Lock lock : wire.getLocksList()) {
            LockTargetKind kind = kind(lock.getTargetKind());
            if (kind == null || lock.getTargetValue().isEmpty()) {
                skipped.add("lock " + lock.getId() + " on " + lock.getTargetKind() + "=" + lock.getTargetValue()
                        + ": this agent knows only locks on a user, role, node or login with a value");
                continue;
            }
            locks.add(new Lock(lock.getId(), new LockTarget(kind, lock.getTargetValue()),
                    lock.getMessage().isEmpty() ? null : lock.getMessage(),
                    lock.hasExpiresAt() ? instant(lock.getExpiresAt()) : null, lock.getCreatedBy(),
                    lock.hasCreatedAt() ? instant(lock.getCreatedAt()) : null));
        }
        List<SessionTermination> terminations = new ArrayList<>();
        for (org.mezite.proto.auth.v1.SessionTermination termination : wire.getTerminatedSessionsList()) {
            if (termination.getSessionId().isEmpty()) {
                skipped.add("a session termination without a session id");
                continue;
            }
            terminations.add(new SessionTermination(termination.getSessionId(), termination.getMessage()));
        }
        RecordingMode recordingMode = recordingMode(wire.getRecordingMode(), skipped);
        return new Converted(new AccessPolicy(wire.getRevision(), roles, locks, terminations), recordingMode,
                List.copyOf(skipped));
    }

    /** {@code node} when not set (an Auth older than recordings) or not known here. */
    private static RecordingMode recordingMode(String text, List<String> skipped) {
        if (text.isEmpty()) {
            return RecordingMode.NODE;
        }
        try {
            return RecordingMode.parse(text);
        } catch (IllegalArgumentException e) {
            skipped.add(e.getMessage() + ": recording in node mode");
            return RecordingMode.NODE;
        }
    }

    private static LockTargetKind kind(String id) {
        for (LockTargetKind kind : LockTargetKind.values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        return null;
    }

    /** Out of range (no Auth sends that) is the far past or future rather than a failure of the whole policy. */
    private static Instant instant(Timestamp timestamp) {
        try {
            return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
        } catch (DateTimeException | ArithmeticException e) {
            return timestamp.getSeconds() < 0 ? Instant.MIN : Instant.MAX;
        }
    }
}
