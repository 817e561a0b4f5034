package org.mezite.node.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.net.InetAddressRange;
import org.mezite.api.access.SshUser;

/**
 * Decides whether a user certificate lets its holder log in here as a login: signed by the cluster's User CA (the
 * CA signature itself is checked by MINA with the authentication request's), valid now, naming the login among its
 * principals, with no critical option this server cannot honour, and with traits that can be read (a certificate
 * whose traits are malformed is refused rather than read as having none: role templates expand from them).
 */
final class UserCertificateVerifier {

    static final String EXTENSION_USER = "mezite-user@mezite.org";
    static final String EXTENSION_ROLES = "mezite-roles@mezite.org";
    static final String EXTENSION_TRAITS = "mezite-traits@mezite.org";
    private static final String SOURCE_ADDRESS = "source-address";
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final Clock clock;

    UserCertificateVerifier(Clock clock) {
        this.clock = clock;
    }

    /** The outcome: a user, or why not. */
    sealed interface Verdict permits Accepted, Refused {
    }

    record Accepted(SshUser user) implements Verdict {
    }

    record Refused(String reason) implements Verdict {
    }

    Verdict verify(OpenSshCertificate certificate, String login, NodeIdentity identity, Origin origin) {
        if (certificate.getType() != OpenSshCertificate.Type.USER) {
            return new Refused("a host certificate was offered, not a user certificate");
        }
        if (!identity.isUserCa(certificate.getCaPubKey())) {
            return new Refused("the certificate is not signed by the User CA of cluster "
                    + identity.credentials().clusterName());
        }
        Instant now = clock.instant();
        Instant validAfter = Instant.ofEpochSecond(Math.max(0, certificate.getValidAfter()));
        Instant validBefore = validBefore(certificate);
        if (now.isBefore(validAfter)) {
            return new Refused("the certificate is not valid before " + validAfter);
        }
        if (!now.isBefore(validBefore)) {
            return new Refused("the certificate expired at " + validBefore);
        }
        List<String> principals = new ArrayList<>(certificate.getPrincipals());
        if (!principals.contains(login)) {
            return new Refused("login \"" + login + "\" is not among the certificate's principals ("
                    + (principals.isEmpty() ? "none" : String.join(", ", principals)) + ")");
        }
        for (Map.Entry<String, String> option : certificate.getCriticalOptionsMap().entrySet()) {
            String refusal = criticalOption(option.getKey(), option.getValue(), origin);
            if (refusal != null) {
                return new Refused(refusal);
            }
        }
        Map<String, List<String>> traits;
        try {
            traits = traits(certificate.getExtensionsMap().get(EXTENSION_TRAITS));
        } catch (IllegalArgumentException e) {
            return new Refused("the certificate's " + EXTENSION_TRAITS + " extension is not a JSON object of string "
                    + "lists: " + e.getMessage());
        }
        return new Accepted(user(certificate, principals, traits, validBefore));
    }

    /** The traits an extension value holds; none when the certificate has no such extension. */
    static Map<String, List<String>> traits(String value) {
        return value == null ? Map.of() : TraitsJson.parse(value);
    }

    static Instant validBefore(OpenSshCertificate certificate) {
        long seconds = certificate.getValidBefore();
        // OpenSSH's "forever" is the largest unsigned 64-bit value, a negative long here
        return seconds < 0 || seconds > Instant.MAX.getEpochSecond() ? Instant.MAX : Instant.ofEpochSecond(seconds);
    }

    private static SshUser user(OpenSshCertificate certificate, List<String> principals,
            Map<String, List<String>> traits, Instant validBefore) {
        Map<String, String> extensions = certificate.getExtensionsMap();
        String username = extensions.get(EXTENSION_USER);
        if (username == null || username.isBlank()) {
            username = certificate.getId();
        }
        List<String> roles = new ArrayList<>();
        String roleList = extensions.get(EXTENSION_ROLES);
        if (roleList != null) {
            for (String role : roleList.split(",")) {
                if (!role.isBlank()) {
                    roles.add(role.strip());
                }
            }
        }
        return new SshUser(username == null ? "" : username, roles, principals, Set.copyOf(extensions.keySet()),
                traits, validBefore, certificate.getSerial());
    }

    private static String criticalOption(String name, String value, Origin origin) {
        if (SOURCE_ADDRESS.equals(name)) {
            return sourceAllowed(value == null ? "" : value, origin) ? null
                    : "the certificate may only be used from " + value + ", not from " + origin.host();
        }
        if (OpenSshCertificate.FORCE_COMMAND.equals(name)) {
            return "the certificate forces a command (force-command), which this node does not support";
        }
        return "the certificate carries the critical option \"" + name + "\", which this node does not support";
    }

    private static boolean sourceAllowed(String cidrs, Origin origin) {
        InetAddress address = literal(origin.host());
        if (address == null) {
            return false;
        }
        for (String cidr : cidrs.split(",")) {
            String range = cidr.strip();
            if (range.isEmpty()) {
                continue;
            }
            try {
                if (InetAddressRange.fromCIDR(range).contains(address)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    /** The address when the text is an IP literal; never a name lookup. */
    private static InetAddress literal(String host) {
        boolean ipv4 = IPV4.matcher(host).matches();
        boolean ipv6 = host.indexOf(':') >= 0
                && host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
