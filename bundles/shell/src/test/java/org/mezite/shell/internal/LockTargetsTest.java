package org.mezite.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;

class LockTargetsTest {

    @Test
    void oneTargetOption() {
        assertThat(LockTargets.of("alice", null, null, null)).isEqualTo(new LockTarget(LockTargetKind.USER, "alice"));
        assertThat(LockTargets.of(null, "dev", null, null)).isEqualTo(new LockTarget(LockTargetKind.ROLE, "dev"));
        assertThat(LockTargets.of(null, null, "root", null)).isEqualTo(new LockTarget(LockTargetKind.LOGIN, "root"));
        assertThat(LockTargets.of(null, null, null, "web")).isEqualTo(new LockTarget(LockTargetKind.NODE, "web"));
    }

    @Test
    void noneOrSeveralAreRefused() {
        assertThatThrownBy(() -> LockTargets.of(null, null, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("give exactly one of --user, --role, --login, --node");
        assertThatThrownBy(() -> LockTargets.of("alice", null, "root", null))
                .hasMessage("give exactly one of --user, --role, --login, --node (got --user, --login)");
    }
}
