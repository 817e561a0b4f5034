/**
 * Where audit events go: {@link org.mezite.api.audit.AuditRecorder}, in the hub straight to the store, in the agent
 * over the hub connection; {@link org.mezite.api.audit.AuditListener}, the plugins that receive every stored event.
 */
@Export
@Version("1.1.0")
package org.mezite.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
