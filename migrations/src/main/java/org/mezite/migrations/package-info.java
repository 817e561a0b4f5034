/**
 * The Mezite schema migrations: Flyway SQL scripts, one folder per database dialect
 * ({@code db/migration/sqlite/}, {@code db/migration/postgresql/}), listed by {@link org.mezite.migrations.MigrationScripts}.
 */
@Export
@Version("1.0.0")
package org.mezite.migrations;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
