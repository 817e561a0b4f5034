/**
 * The access decision for SSH, asked by the proxy before it dials a node and by the agent before it starts a
 * session. The RBAC bundle provides it; callers depend only on {@link org.mezite.api.access.AccessChecker}.
 */
@Export
@Version("2.0.0")
package org.mezite.api.access;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
