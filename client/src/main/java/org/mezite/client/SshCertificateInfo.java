package org.mezite.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an OpenSSH user certificate says, read from its {@code -cert.pub} file (PROTOCOL.certkeys): msh trusts the
 * certificate it holds, not a copy of its contents, when it shows who the user is and until when.
 *
 * @param keyId       the key id: the Mezite user name
 * @param principals  the logins it is valid for
 * @param validAfter  start of validity
 * @param validBefore end of validity
 * @param extensions  extensions by name; flags map to the empty string
 */
record SshCertificateInfo(String keyId, List<String> principals, Instant validAfter, Instant validBefore,
        Map<String, String> extensions) {

    static final String ED25519_CERT = "ssh-ed25519-cert-v01@openssh.com";
    static final String USER_EXTENSION = "mezite-user@mezite.org";
    static final String ROLES_EXTENSION = "mezite-roles@mezite.org";
    static final String CLUSTER_EXTENSION = "mezite-cluster@mezite.org";

    /** @throws IllegalArgumentException when the line is not an Ed25519 user certificate */
    static SshCertificateInfo parse(String line) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length < 2 || !parts[0].equals(ED25519_CERT)) {
            throw new IllegalArgumentException("not an " + ED25519_CERT + " certificate");
        }
        SshWire.Reader in = new SshWire.Reader(Base64.getDecoder().decode(parts[1]));
        if (!in.utf8().equals(ED25519_CERT)) {
            throw new IllegalArgumentException("the certificate's type does not match its label");
        }
        in.string(); // nonce
        in.string(); // the Ed25519 public key
        in.uint64(); // serial
        if (in.uint32() != 1) {
            throw new IllegalArgumentException("a host certificate, not a user certificate");
        }
        String keyId = in.utf8();
        List<String> principals = new ArrayList<>();
        SshWire.Reader names = new SshWire.Reader(in.string());
        while (!names.atEnd()) {
            principals.add(names.utf8());
        }
        Instant validAfter = instant(in.uint64());
        Instant validBefore = instant(in.uint64());
        in.string(); // critical options
        Map<String, String> extensions = new LinkedHashMap<>();
        SshWire.Reader fields = new SshWire.Reader(in.string());
        while (!fields.atEnd()) {
            String name = fields.utf8();
            byte[] data = fields.string();
            extensions.put(name, data.length == 0 ? "" : new SshWire.Reader(data).utf8());
        }
        return new SshCertificateInfo(keyId, List.copyOf(principals), validAfter, validBefore,
                Map.copyOf(extensions));
    }

    /** The Mezite user, from the certificate's extension or else its key id. */
    String user() {
        return extensions.getOrDefault(USER_EXTENSION, keyId);
    }

    List<String> roles() {
        String roles = extensions.getOrDefault(ROLES_EXTENSION, "");
        return roles.isEmpty() ? List.of() : List.of(roles.split(","));
    }

    boolean expiredAt(Instant now) {
        return !validBefore.isAfter(now);
    }

    /** OpenSSH's times are unsigned seconds; the largest means "forever". */
    private static Instant instant(long seconds) {
        return seconds < 0 || seconds > Instant.MAX.getEpochSecond() ? Instant.MAX : Instant.ofEpochSecond(seconds);
    }
}
