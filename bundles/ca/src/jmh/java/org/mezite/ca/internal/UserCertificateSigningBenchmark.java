package org.mezite.ca.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.mezite.api.ca.SshCertificate;
import org.mezite.api.ca.UserCertificateRequest;
import org.mezite.api.ca.UserPermission;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * User certificates signed per second on one thread: what a login costs the CA, from the request as Auth builds it
 * (public key text, user, roles, logins, permissions) to the certificate text, Ed25519 signature included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class UserCertificateSigningBenchmark {

    private CertificateAuthorityService cas;
    private UserCertificateRequest request;

    @Setup
    public void start() {
        cas = TestCas.start();
        byte[] point = new byte[32];
        new SecureRandom().nextBytes(point);
        String key = "ssh-ed25519 " + Base64.getEncoder().encodeToString(
                new SshWriter().string("ssh-ed25519").string(point).toByteArray()) + " alice@laptop";
        request = new UserCertificateRequest(key, "alice", List.of("access", "dev"), List.of("alice", "ubuntu"),
                EnumSet.of(UserPermission.PORT_FORWARDING, UserPermission.AGENT_FORWARDING), Duration.ofHours(12),
                Map.of("logins", List.of("alice", "ubuntu"), "team", List.of("dev")));
    }

    @Benchmark
    public SshCertificate signUserCertificate() {
        return cas.sign(request);
    }
}
