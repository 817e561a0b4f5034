/** The hub's settings and status, as the services inside it see them. */
@Export
@Version("1.1.0")
package org.mezite.api.hub;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
