package org.mezite.ca.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.mezite.api.ca.HostCertificateRequest;
import org.mezite.api.ca.HostCertificateSigner;
import org.mezite.api.ca.SshCertificate;

/** Host certificates: principals are the node id, the host name and the other names users reach the host by. */
final class HostCertificates implements HostCertificateSigner {

    private final CaKey ca;
    private final Duration maxTtl;
    private final SshCertificateEncoder encoder;
    private final Clock clock;

    HostCertificates(CaKey ca, Duration maxTtl, SshCertificateEncoder encoder, Clock clock) {
        this.ca = ca;
        this.maxTtl = maxTtl;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public SshCertificate sign(HostCertificateRequest request) {
        RequestChecks.required("request", request);
        SubjectPublicKey key = SubjectPublicKey.parse("publicKey", request.publicKey());
        String nodeId = RequestChecks.word("nodeId", request.nodeId());
        String hostname = RequestChecks.word("hostname", request.hostname());
        List<String> names = new ArrayList<>(List.of(nodeId, hostname));
        for (String name : request.additionalNames()) {
            names.add(RequestChecks.word("additionalNames", name));
        }
        List<String> principals = RequestChecks.principals("additionalNames", names);
        Duration ttl = RequestChecks.ttl("ttl", request.ttl(), maxTtl);

        // OpenSSH clients ignore host certificate extensions; this one tells Mezite's own peers the cluster.
        SortedMap<String, String> extensions = new TreeMap<>();
        extensions.put(UserCertificates.EXTENSION_CLUSTER, ca.clusterName());

        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return encoder.sign(ca, SshCertificateEncoder.HOST, key, nodeId, principals,
                now.minus(UserCertificates.BACKDATE), now.plus(ttl), extensions);
    }
}
