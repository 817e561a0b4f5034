package org.mezite.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mezite.api.recording.RecordingMode;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;
import org.mezite.proto.auth.v1.AccessPolicy;
import org.mezite.proto.auth.v1.Lock;
import org.mezite.proto.auth.v1.Role;
import org.mezite.proto.auth.v1.SessionTermination;

import com.google.protobuf.Timestamp;

class AccessPolicyMessagesTest {

    @Test
    void whatTheAgentCannotUnderstandIsLeftOutAndNamedTheRestKept() {
        AccessPolicyMessages.Converted converted = AccessPolicyMessages.fromWire(AccessPolicy.newBuilder()
                .setRevision(9)
                .addRoles(Role.newBuilder().setId("r-1").setName("dev").setSpec("kind: role"))
                .addRoles(Role.newBuilder().setId("r-2").setSpec("kind: role"))
                .addLocks(Lock.newBuilder().setId("l-1").setTargetKind("device").setTargetValue("laptop-7"))
                .addLocks(Lock.newBuilder().setId("l-2").setTargetKind("login").setTargetValue("root")
                        .setCreatedBy("admin"))
                .addTerminatedSessions(SessionTermination.newBuilder().setMessage("no id"))
                .build());

        assertThat(converted.policy().revision()).isEqualTo(9);
        assertThat(converted.policy().roles()).singleElement().satisfies(role -> {
            assertThat(role.name()).isEqualTo("dev");
            assertThat(role.createdAt()).isNull();
        });
        assertThat(converted.policy().locks()).singleElement().satisfies(lock -> {
            assertThat(lock.target()).isEqualTo(new LockTarget(LockTargetKind.LOGIN, "root"));
            assertThat(lock.message()).isNull();
            assertThat(lock.expiresAt()).isNull(); // until removed
        });
        assertThat(converted.policy().terminatedSessions()).isEmpty();
        assertThat(converted.skipped()).containsExactly("a role without a name (id \"r-2\")",
                "lock l-1 on device=laptop-7: this agent knows only locks on a user, role, node or login with a"
                        + " value",
                "a session termination without a session id");
    }

    @Test
    void anExpiryBeyondWhatJavaCanHoldIsTheFarFuture() {
        AccessPolicyMessages.Converted converted = AccessPolicyMessages.fromWire(AccessPolicy.newBuilder()
                .addLocks(Lock.newBuilder().setId("l").setTargetKind("user").setTargetValue("alice")
                        .setExpiresAt(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE)))
                .build());
        assertThat(converted.policy().locks().get(0).expiresAt()).isEqualTo(Instant.MAX);
    }

    @Test
    void theRecordingModeComesWithThePolicyAndIsNodeWhenMissingOrUnknown() {
        assertThat(AccessPolicyMessages.fromWire(AccessPolicy.newBuilder().setRecordingMode("node-sync").build())
                .recordingMode()).isEqualTo(RecordingMode.NODE_SYNC);
        assertThat(AccessPolicyMessages.fromWire(AccessPolicy.newBuilder().setRecordingMode("off").build())
                .recordingMode()).isEqualTo(RecordingMode.OFF);

        AccessPolicyMessages.Converted older = AccessPolicyMessages.fromWire(AccessPolicy.getDefaultInstance());
        assertThat(older.recordingMode()).isEqualTo(RecordingMode.NODE);
        assertThat(older.skipped()).isEmpty();

        AccessPolicyMessages.Converted newer = AccessPolicyMessages.fromWire(AccessPolicy.newBuilder()
                .setRecordingMode("node-async").build());
        assertThat(newer.recordingMode()).isEqualTo(RecordingMode.NODE);
        assertThat(newer.skipped()).containsExactly(
                "recording_mode \"node-async\" is not one of off, node, node-sync: recording in node mode");
    }
}
