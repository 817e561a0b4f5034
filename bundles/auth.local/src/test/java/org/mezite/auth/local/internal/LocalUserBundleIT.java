package org.mezite.auth.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.audit.AuditRecorder;
import org.mezite.api.auth.Invitation;
import org.mezite.api.auth.LocalAuthenticator;
import org.mezite.api.auth.LocalUserInvites;
import org.mezite.api.auth.LoginResult;
import org.mezite.api.auth.SignupChallenge;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;
import org.mezite.api.store.InviteRepository;
import org.mezite.api.store.UserRepository;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The built org.mezite.auth.local bundle in Felix with exactly the bundles it needs at run time (target/it-bundles,
 * BouncyCastle among them), and the store's and hub's services played by the test through the system bundle, which
 * exports the org.mezite.api packages.
 */
class LocalUserBundleIT {

    @TempDir
    Path tmp;

    private Framework framework;

    @BeforeEach
    void startFramework() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.mezite.api.hub;version=1.1.0,"
                + "org.mezite.api.store;version=2.0.0,org.mezite.api.auth;version=1.0.0,org.mezite.api.audit;version=1.1.0");
        framework = new FrameworkFactory().newFramework(config);
        framework.start();
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(30_000);
    }

    @Test
    void signsUpAndLogsInThroughTheServicesAndUnregistersThemWhenStopped() throws Exception {
        BundleContext context = framework.getBundleContext();
        Clock clock = Clock.systemUTC();
        InMemoryUsers users = new InMemoryUsers(clock);
        context.registerService(UserRepository.class, users, null);
        context.registerService(InviteRepository.class, new InMemoryInvites(users, clock), null);
        context.registerService(AuditRecorder.class, new InMemoryAudit(), null);
        context.registerService(HubSettings.class, settings(tmp.resolve("data")), null);
        Bundle local = installAndStartAll(context);

        LocalUserInvites invites = await(context, LocalUserInvites.class);
        LocalAuthenticator authenticator = await(context, LocalAuthenticator.class);
        Invitation invitation = invites.createUser("alice", List.of("access"), Map.of(), "admin");
        SignupChallenge challenge = invites.signupChallenge(invitation.token());
        byte[] secret = Base32.decode(challenge.totpSecret());
        long step = Totp.step(Instant.now());
        invites.signup(invitation.token(), "correct horse battery".toCharArray(), Totp.code(secret, step, 6), null);
        // the next step's code is within the window and not used yet
        LoginResult result = authenticator.login("alice", "correct horse battery".toCharArray(),
                Totp.code(secret, step + 1, 6), "127.0.0.1");

        assertThat(result).isInstanceOf(LoginResult.Success.class);
        assertThat(users.get("alice").passwordHash()).startsWith("$2b$11$");
        assertThat(Files.getPosixFilePermissions(tmp.resolve("data/totp.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        local.stop();

        assertThat(context.getServiceReferences(LocalAuthenticator.class, null)).isEmpty();
        assertThat(context.getServiceReferences(LocalUserInvites.class, null)).isEmpty();
    }

    private static <T> T await(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(30_000);
        assertThat(service).as(type.getSimpleName() + " service").isNotNull();
        return service;
    }

    /** Installs and starts the run-time bundles and ours; returns ours. */
    private static Bundle installAndStartAll(BundleContext context) throws Exception {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("it.bundles", "target/it-bundles")))) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        jars.add(Path.of(System.getProperty("local.bundle", "target/org.mezite.auth.local.jar")));
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            bundles.add(context.installBundle(jar.toUri().toString()));
        }
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        assertThat(bundles).allSatisfy(b -> assertThat(b.getState()).as(b.getSymbolicName()).isEqualTo(Bundle.ACTIVE));
        return bundles.get(bundles.size() - 1);
    }

    private static HubSettings settings(Path dataDir) {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        return new HubSettings("it-cluster", Set.of(HubRole.AUTH), loopback, loopback, loopback, loopback, dataDir,
                new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite:mezite.db", "", "", 1));
    }
}
