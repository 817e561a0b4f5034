package org.mezite.rbac.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.SshAction;
import org.mezite.api.access.SshTarget;
import org.mezite.api.access.SshUser;

class CertificateAccessCheckerTest {

    private final CertificateAccessChecker checker = new CertificateAccessChecker();
    private final SshTarget node = new SshTarget("0b6c", "node-01", Map.of("env", "dev"));

    private static SshUser user(List<String> logins, Set<String> extensions) {
        return new SshUser("alice", List.of("access"), logins, extensions, Instant.now().plusSeconds(600), 7);
    }

    @Test
    void allowsALoginTheCertificateNames() {
        assertThat(checker.checkLogin(user(List.of("alice", "ubuntu"), Set.of()), "ubuntu", node).allowed()).isTrue();
    }

    @Test
    void deniesALoginTheCertificateDoesNotNameAndSaysWhich() {
        AccessDecision decision = checker.checkLogin(user(List.of("alice", "ubuntu"), Set.of()), "root", node);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("\"root\"").contains("alice, ubuntu");
    }

    @Test
    void anUnknownLoginIsAllowedOnlyWhenTheCertificateNamesSome() {
        assertThat(checker.checkLogin(user(List.of("alice"), Set.of()), null, node).allowed()).isTrue();
        assertThat(checker.checkLogin(user(List.of(), Set.of()), null, node).allowed()).isFalse();
    }

    @Test
    void forwardingNeedsTheMatchingExtension() {
        SshUser plain = user(List.of("alice"), Set.of("permit-pty"));
        SshUser forwarding = user(List.of("alice"), Set.of("permit-pty", "permit-port-forwarding"));
        assertThat(checker.checkAction(plain, SshAction.LOCAL_PORT_FORWARDING, node).allowed()).isFalse();
        assertThat(checker.checkAction(forwarding, SshAction.LOCAL_PORT_FORWARDING, node).allowed()).isTrue();
        assertThat(checker.checkAction(forwarding, SshAction.REMOTE_PORT_FORWARDING, node).allowed()).isTrue();
        assertThat(checker.checkAction(forwarding, SshAction.AGENT_FORWARDING, node).allowed()).isFalse();
    }
}
