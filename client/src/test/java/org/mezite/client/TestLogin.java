package org.mezite.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mezite.api.ca.UserCertificateRequest;
import org.mezite.api.store.CaType;
import org.mezite.ca.internal.CertificateAuthorityService;

/** What {@code msh login} leaves in msh's directory, written directly: key, certificate, known_hosts, profile. */
final class TestLogin {

    static final String USER = "alice";

    private TestLogin() {
    }

    /**
     * @param logins    the certificate's principals, the first being msh's default login
     * @param proxySsh  the proxy's SSH port on 127.0.0.1
     */
    static MshHome write(Path dir, CertificateAuthorityService cas, List<String> logins, int proxySsh) {
        MshHome home = new MshHome(dir);
        ProxyAddress proxy = new ProxyAddress("127.0.0.1", 3080);
        Ed25519Key key = Ed25519Key.generate(USER + "@" + TestCas.CLUSTER);
        String certificate = cas.sign(new UserCertificateRequest(key.publicKeyLine(), USER, List.of("access"), logins,
                Set.of(), Duration.ofHours(1), Map.of())).authorizedKey();
        Path keyFile = home.key(proxy, USER);
        MshHome.KeyFiles files = MshHome.KeyFiles.of(keyFile);
        home.write(files.key(), key.openSshPrivateKey());
        home.write(files.publicKey(), key.publicKeyLine() + "\n");
        home.write(files.certificate(), certificate + "\n");
        String sshAddress = "127.0.0.1:" + proxySsh;
        KnownHosts.update(home, TestCas.CLUSTER, KnownHosts.line(KnownHosts.patterns(TestCas.CLUSTER, sshAddress),
                cas.authority(CaType.HOST).authorizedKey()));
        home.write(home.profile(), new Profile(proxy, USER, TestCas.CLUSTER, null, sshAddress,
                home.dir().relativize(keyFile)).text());
        return home;
    }
}
