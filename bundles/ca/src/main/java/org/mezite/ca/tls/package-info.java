/**
 * TLS between the cluster's own processes, checked against the cluster's CAs rather than the JDK's trust store:
 * a server's {@link org.mezite.ca.tls.HostServerCertificate certificate from the host CA}, renewed in place; which
 * {@link org.mezite.ca.tls.ClusterClientTrust client certificates} a server accepts and
 * {@link org.mezite.ca.tls.ClusterCertificates who} they identify; and how a client
 * {@link org.mezite.ca.tls.ClusterServerTrust checks the server} it reached. Only JDK types appear here, so any
 * TLS stack (gRPC's Netty, Jetty, plain sockets) can use them.
 */
@Export
@Version("1.0.0")
package org.mezite.ca.tls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
