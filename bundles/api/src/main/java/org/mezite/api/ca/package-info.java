/**
 * The cluster's certificate authorities as services: OpenSSH user and host certificates, X.509 certificates for
 * mutual TLS, and the CAs' public keys for the peers that trust them. The CAs' private keys stay inside the
 * providing bundle; nothing here hands them out.
 */
@Export
@Version("2.0.0")
package org.mezite.api.ca;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
