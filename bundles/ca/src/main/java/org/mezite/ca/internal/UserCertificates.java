package org.mezite.ca.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.mezite.api.audit.AuditDetails;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.ca.UserCertificateRequest;
import org.mezite.api.ca.UserCertificateSigner;
import org.mezite.api.ca.UserPermission;

/**
 * User certificates: principals are the allowed logins; extensions carry permissions, user, roles, cluster and the
 * user's traits.
 */
final class UserCertificates implements UserCertificateSigner {

    static final String EXTENSION_PTY = "permit-pty";
    static final String EXTENSION_USER = "mezite-user@mezite.org";
    static final String EXTENSION_ROLES = "mezite-roles@mezite.org";
    static final String EXTENSION_CLUSTER = "mezite-cluster@mezite.org";
    /** A JSON object of string lists, e.g. {@code {"logins":["alice","ubuntu"],"team":["dev"]}}. */
    static final String EXTENSION_TRAITS = "mezite-traits@mezite.org";
    /** How far back validity starts, for clocks that lag the hub's. */
    static final Duration BACKDATE = Duration.ofMinutes(1);

    private final CaKey ca;
    private final Duration maxTtl;
    private final SshCertificateEncoder encoder;
    private final Clock clock;

    UserCertificates(CaKey ca, Duration maxTtl, SshCertificateEncoder encoder, Clock clock) {
        this.ca = ca;
        this.maxTtl = maxTtl;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public SshCertificate sign(UserCertificateRequest request) {
        RequestChecks.required("request", request);
        SubjectPublicKey key = SubjectPublicKey.parse("publicKey", request.publicKey());
        String user = RequestChecks.name("user", request.user());
        List<String> roles = new ArrayList<>();
        for (String role : request.roles()) {
            roles.add(RequestChecks.word("roles", role));
        }
        List<String> logins = RequestChecks.principals("logins", request.logins());
        Duration ttl = RequestChecks.ttl("ttl", request.ttl(), maxTtl);
        String traits = traitsJson(request.traits());

        SortedMap<String, String> extensions = new TreeMap<>();
        extensions.put(EXTENSION_PTY, "");
        for (UserPermission permission : request.permissions()) {
            extensions.put(permission.extension(), "");
        }
        extensions.put(EXTENSION_USER, user);
        extensions.put(EXTENSION_ROLES, String.join(",", roles));
        extensions.put(EXTENSION_CLUSTER, ca.clusterName());
        if (traits != null) {
            extensions.put(EXTENSION_TRAITS, traits);
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return encoder.sign(ca, SshCertificateEncoder.USER, key, user, logins, now.minus(BACKDATE), now.plus(ttl),
                extensions);
    }

    /**
     * The traits as compact JSON with the names sorted, so that the same traits always give the same bytes; values
     * keep their order. {@code null} for no traits.
     */
    static String traitsJson(Map<String, List<String>> traits) {
        if (traits.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, List<String>> trait : new TreeMap<>(traits).entrySet()) {
            String name = RequestChecks.name("traits (a name)", trait.getKey());
            json.append(json.length() == 1 ? "" : ",").append(AuditDetails.quote(name)).append(":[");
            String separator = "";
            for (String value : trait.getValue()) {
                json.append(separator).append(AuditDetails.quote(value));
                separator = ",";
            }
            json.append(']');
        }
        return json.append('}').toString();
    }
}
