package org.mezite.client;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "login", description = {"Log in to a Mezite cluster.",
    "Makes a new key and gets a short-lived SSH certificate (and an X.509 certificate) for it, kept under ~/.msh"
            + " (or $MSH_HOME).",
    "Asks for the password and the authenticator code; when standard input is not a terminal, reads one line"
            + " each from it."})
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    private Msh msh;

    @Spec
    private CommandSpec spec;

    @Option(names = "--proxy", paramLabel = "HOST:PORT",
            description = "The proxy's HTTPS address (port 3080 unless given); default: that of the last login")
    String proxy;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Your Mezite user name; default: the user of the last login to that proxy, else your"
                    + " login name on this machine")
    String user;

    @Option(names = "--ssh-proxy", paramLabel = "HOST:PORT",
            description = "The proxy's SSH address (port 3023 unless given); default: the one of the last login to"
                    + " that proxy, else the --proxy host at the SSH port the proxy announces")
    String sshProxy;

    @Option(names = "--ttl", paramLabel = "DURATION",
            description = "How long the certificate should be valid, e.g. 8h or 30m; the cluster caps it (12h by"
                    + " default)")
    String ttl;

    @Mixin
    TrustOptions trust;

    @Override
    public Integer call() {
        MshContext context = msh.context();
        PrintWriter out = spec.commandLine().getOut();
        MshHome home = context.home();
        Optional<Profile> last = Profile.read(home.profile());
        ProxyAddress address = proxy != null ? ProxyAddress.parse(proxy) : last.map(Profile::proxy)
                .orElseThrow(() -> MshException.usage("--proxy is required (there is no earlier login to take it"
                        + " from)"));
        Optional<Profile> sameProxy = last.filter(profile -> profile.proxy().equals(address));
        String name = user != null ? user.strip()
                : sameProxy.map(Profile::user).orElse(System.getProperty("user.name"));
        String lifetime = ttl == null ? null : Times.checkTtl(ttl);
        ProxyTrust proxyTrust = trust.resolve(sameProxy.map(Profile::caPin).orElse(null),
                spec.commandLine().getErr());

        ProxyAddress sshAddress = sshProxy != null ? ProxyAddress.parseSsh(sshProxy) : null;
        ProxyClient client = new ProxyClient(address, proxyTrust);
        ProxyClient.Ping ping = client.ping();
        if (sshAddress == null) {
            String remembered = sameProxy.map(Profile::proxySsh).orElse("");
            sshAddress = remembered.isBlank() ? announcedSsh(address, ping.proxySshAddr())
                    : ProxyAddress.parseSsh(remembered);
        }
        Ed25519Key key = Ed25519Key.generate(name + "@" + ping.cluster());
        char[] password = context.prompts().secret("Password for " + name + " at " + address + ": ", "password");
        ProxyClient.Login login;
        try {
            String code = context.prompts().line("Authenticator code: ", "authenticator code").strip();
            login = client.login(name, password, code, key.publicKeyLine(), lifetime);
        } catch (ApiError e) {
            throw MshException.failed("login failed: " + e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }

        Path keyFile = home.key(address, login.user());
        MshHome.KeyFiles files = MshHome.KeyFiles.of(keyFile);
        home.write(files.key(), key.openSshPrivateKey());
        home.write(files.publicKey(), key.publicKeyLine() + "\n");
        home.write(files.certificate(), login.sshCertificate().strip() + "\n");
        home.write(files.x509Certificate(), login.x509Certificate());
        KnownHosts.update(home, login.cluster(), KnownHosts.line(
                KnownHosts.patterns(login.cluster(), sshAddress.toString()), login.hostCa()));
        home.write(home.profile(), new Profile(address, login.user(), login.cluster(), proxyTrust.pin(),
                sshAddress.toString(), home.dir().relativize(keyFile)).text());

        Instant expires = Instant.parse(login.expires());
        out.println("Logged in to cluster " + login.cluster() + " as " + login.user() + ".");
        out.println("  Logins:       " + String.join(", ", login.logins()));
        out.println("  Roles:        " + (login.roles().isEmpty() ? "(none)" : String.join(", ", login.roles())));
        out.println("  Valid until:  " + Times.format(expires) + " ("
                + Times.format(Duration.between(context.clock().instant(), expires)) + ")");
        out.println("  Key:          " + keyFile);
        out.flush();
        return 0;
    }

    /**
     * The proxy's SSH port on the host msh reached its HTTPS API at: the host the proxy announces may be a name
     * only it resolves (or a wildcard address), but it knows its port.
     */
    static ProxyAddress announcedSsh(ProxyAddress https, String announced) {
        int port = ProxyAddress.DEFAULT_SSH_PORT;
        if (announced != null && !announced.isBlank()) {
            try {
                port = ProxyAddress.parseSsh(announced).port();
            } catch (MshException e) {
                // an announcement msh cannot read: the default port
            }
        }
        return new ProxyAddress(https.host(), port);
    }
}
