/**
 * Where audit events go: {@link org.mezite.api.audit.AuditRecorder}, in the hub straight to the store, in the agent
 * over the hub connection.
 */
@Export
@Version("1.0.0")
package org.mezite.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
