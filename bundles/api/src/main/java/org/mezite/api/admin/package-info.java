/**
 * The administrative API: everything the {@code mezite:*} console commands do, as services that check the caller's
 * role rules ({@link org.mezite.api.access.AccessChecker#checkRule}) and audit every decision and change. The
 * console calls them in-process; a hub without the Auth role reaches the same services over Auth's gRPC API.
 */
@Export
@Version("1.1.0")
package org.mezite.api.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
