package org.mezite.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.mezite.api.auth.IssuedUserCredentials;
import org.mezite.api.auth.UserCredentialsIssuer;

/**
 * Makes a key pair for a user and has Auth certify it, for a machine or a person who cannot run {@code msh login}
 * (like {@code tctl auth sign}). The key never leaves the hub's file system; the command refuses to overwrite.
 */
@Service
@Command(scope = "mezite", name = "cert-sign", description = "Makes an ECDSA key for a user with an SSH certificate and an X.509 client certificate on it, written to a directory (audited as cert.create)")
public class CertSignCommand extends ConsoleCommand {

    static final Duration DEFAULT_TTL = Duration.ofHours(12);

    @Option(name = "--user", required = true, description = "The user to certify; the SSH certificate's principals are their logins")
    @Completion(UserNameCompleter.class)
    String user;

    @Option(name = "--ttl", description = "How long the certificates are valid, e.g. 1h, 30m (default 12h; the CA's maximum applies)")
    String ttl;

    @Option(name = "--out", required = true, description = "The directory to write USER, USER.pub, USER-cert.pub and USER-x509.pem to")
    @Completion(FileCompleter.class)
    String out;

    @Reference
    UserCredentialsIssuer issuer;

    @Override
    protected Object run() throws IOException {
        Duration validity = ttl == null ? DEFAULT_TTL : Durations.parse("--ttl", ttl);
        Path dir = Path.of(out).toAbsolutePath().normalize();
        Path key = dir.resolve(user).normalize();
        if (!dir.equals(key.getParent())) {
            throw new IllegalArgumentException("--user: \"" + user + "\" cannot be a file name in " + dir);
        }
        Path pub = dir.resolve(user + ".pub");
        Path cert = dir.resolve(user + "-cert.pub");
        Path x509 = dir.resolve(user + "-x509.pem");
        List<Path> files = List.of(key, pub, cert, x509);
        // checked before anything is issued, so a refusal leaves no certificate in the audit log
        for (Path file : files) {
            if (Files.exists(file)) {
                throw new IllegalArgumentException(file + " exists; remove it or choose another --out directory");
            }
        }
        Files.createDirectories(dir);

        KeyPair pair = OpenSshKeyFiles.generate();
        String publicKey = OpenSshKeyFiles.publicKeyLine((ECPublicKey) pair.getPublic());
        IssuedUserCredentials issued = issuer.issue(user, publicKey, validity, Actor.current(), null);

        OpenSshKeyFiles.writePrivateKey(key, pair.getPrivate());
        OpenSshKeyFiles.writePublic(pub, publicKey + " " + issued.username());
        OpenSshKeyFiles.writePublic(cert, issued.sshCertificate().authorizedKey());
        OpenSshKeyFiles.writePublic(x509, issued.x509().certificatePem());

        System.out.println("Certified a new ECDSA key for user \"" + issued.username() + "\" (roles "
                + String.join(",", issued.roles()) + ", logins " + String.join(",", issued.logins()) + "):");
        System.out.println("  " + key + "  private key (mode 0600)");
        System.out.println("  " + pub + "  public key");
        System.out.println("  " + cert + "  SSH certificate, serial "
                + Long.toUnsignedString(issued.sshCertificate().serial()));
        System.out.println("  " + x509 + "  X.509 client certificate, serial "
                + issued.x509().certificate().getSerialNumber().toString(16));
        System.out.println("Valid from " + issued.sshCertificate().validAfter() + " until " + issued.expiresAt()
                + ".");
        System.out.println("To trust the cluster's nodes, add this line to ~/.ssh/known_hosts:");
        System.out.println("  " + issued.hostCa().certAuthorityLine("*"));
        return null;
    }
}
