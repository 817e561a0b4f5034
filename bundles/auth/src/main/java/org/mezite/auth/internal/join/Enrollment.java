package org.mezite.auth.internal.join;

import java.time.Duration;

/**
 * A node that just joined.
 *
 * @param nodeId            its new id
 * @param clusterName       the cluster it joined
 * @param certificates      its certificates
 * @param heartbeatInterval how often it should send a heartbeat
 */
public record Enrollment(String nodeId, String clusterName, NodeCertificates certificates,
        Duration heartbeatInterval) {
}
