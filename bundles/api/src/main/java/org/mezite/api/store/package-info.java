/** Persistent state: repositories over the tables of the Mezite schema, and the store's health. */
@Export
@Version("2.0.0")
package org.mezite.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
