package org.mezite.hub.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up the hub's admin account on first start: a key pair whose private half is {@code etc/admin.key} (readable by
 * the hub's owner only) and whose public half is the {@code admin} entry of {@code etc/keys.properties}. There is no
 * default password; {@code bin/client} logs in with that key, and only on the hub's own machine since the console
 * listens on loopback.
 */
@Component(immediate = true)
public final class AdminKeyProvisioner {

    static final String ADMIN_USER = "admin";
    static final String KEY_FILE = "admin.key";
    static final String KEYS_FILE = "keys.properties";

    private static final Logger LOG = LoggerFactory.getLogger(AdminKeyProvisioner.class);

    @Activate
    public AdminKeyProvisioner(BundleContext context) {
        String etc = context.getProperty("karaf.etc");
        if (etc == null) {
            return; // not inside Karaf: no console to give access to
        }
        try {
            if (provision(Path.of(etc))) {
                LOG.info("admin console access set up: bin/client logs in as '{}' with {}/{}", ADMIN_USER, etc,
                        KEY_FILE);
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.error("could not set up admin console access in {}: {}", etc, e.toString());
        }
    }

    /** @return true when a new key was made, false when one was there already */
    static boolean provision(Path etc) throws IOException, GeneralSecurityException {
        Path keyFile = etc.resolve(KEY_FILE);
        if (Files.exists(keyFile)) {
            return false;
        }
        // RSA because Karaf's client (sshd 2.17) reads a PKCS#8 RSA key as a whole pair; an EC one lacks the public half.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        KeyPair pair = generator.generateKeyPair();

        Path tmp = etc.resolve(KEY_FILE + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(tmp, pem, StandardOpenOption.WRITE);

        Path keys = etc.resolve(KEYS_FILE);
        List<String> lines = Files.exists(keys) ? Files.readAllLines(keys) : List.of();
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (!line.startsWith(ADMIN_USER + "=") && !line.startsWith(ADMIN_USER + " ")) {
                out.append(line).append('\n');
            }
        }
        out.append(ADMIN_USER).append('=').append(Base64.getEncoder().encodeToString(sshBlob((RSAPublicKey) pair.getPublic())))
                .append(",_g_:admingroup\n");
        Files.writeString(keys, out.toString());
        try {
            Files.move(tmp, keyFile);
        } catch (FileAlreadyExistsException e) {
            Files.delete(tmp); // another start won the race; its key stands
            return false;
        }
        return true;
    }

    /** The public key in SSH wire format (RFC 4253 section 6.6), as keys.properties expects it. */
    static byte[] sshBlob(RSAPublicKey key) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
            writeString(out, key.getPublicExponent().toByteArray());
            writeString(out, key.getModulus().toByteArray());
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
