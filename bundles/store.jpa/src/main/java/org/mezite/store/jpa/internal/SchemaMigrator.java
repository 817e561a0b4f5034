package org.mezite.store.jpa.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.store.StoreException;
import org.mezite.migrations.MigrationScript;
import org.mezite.migrations.MigrationScripts;

/**
 * Brings the schema up to date with Flyway, fed with the migrations bundle's scripts of the configured dialect.
 * Refuses a database whose schema is newer than the scripts this build knows: an older Mezite must not run against
 * tables a newer one has changed.
 */
public final class SchemaMigrator {

    /** Flyway's history table. */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    /** The newest successfully applied version; cheap, so it doubles as the health query. */
    public static final String CURRENT_VERSION_SQL = "SELECT version FROM " + HISTORY_TABLE
            + " WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank DESC";

    private final DataSource dataSource;
    private final DatabaseSettings settings;

    public SchemaMigrator(DataSource dataSource, DatabaseSettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * What one migration run did.
     *
     * @param fromVersion the schema version before, empty for an empty database
     * @param toVersion   the schema version after
     * @param applied     how many scripts ran
     */
    public record Outcome(String fromVersion, String toVersion, int applied) {
    }

    public Outcome migrate() {
        String dialect = settings.kind().configName();
        List<MigrationScript> scripts = MigrationScripts.of(dialect);
        try {
            Flyway flyway = Flyway.configure(Flyway.class.getClassLoader())
                    .dataSource(dataSource)
                    .resourceProvider(new MigrationResources(MigrationScripts.folder(dialect), scripts))
                    .javaMigrationClassProvider(List::of)
                    .table(HISTORY_TABLE)
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .load();
            refuseNewerSchema(flyway.info());
            MigrateResult result = flyway.migrate();
            return new Outcome(Objects.toString(result.initialSchemaVersion, ""),
                    Objects.toString(result.targetSchemaVersion, Objects.toString(result.initialSchemaVersion, "")),
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate the " + dialect + " database at " + settings.maskedUrl() + ": "
                    + SqlErrors.describe(e), e);
        }
    }

    private static void refuseNewerSchema(MigrationInfoService info) {
        MigrationInfo current = info.current();
        if (current == null || current.getVersion() == null) {
            return;
        }
        MigrationVersion known = Arrays.stream(info.all())
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .orElse(MigrationVersion.EMPTY);
        if (current.getVersion().compareTo(known) > 0) {
            throw new StoreException("database schema version " + current.getVersion() + " is newer than this Mezite"
                    + " (knows up to " + known + "); upgrade Mezite or point database.url at another database");
        }
    }
}
