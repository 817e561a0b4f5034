package org.mezite.store.jpa.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.store.DatabaseStatus;
import org.mezite.api.store.StoreHealth;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Answers whether the database responds, by reading the current schema version from Flyway's history table. */
@Component(service = StoreHealth.class)
public final class StoreHealthService implements StoreHealth {

    private final JpaStore store;

    @Activate
    public StoreHealthService(@Reference(name = "store") JpaStore store) {
        this.store = store;
    }

    @Override
    public DatabaseStatus check() {
        DatabaseSettings db = store.settings();
        String kind = db.kind().configName();
        try (Connection connection = store.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.setMaxRows(1);
            try (ResultSet rows = statement.executeQuery(SchemaMigrator.CURRENT_VERSION_SQL)) {
                String version = rows.next() ? rows.getString(1) : "";
                return new DatabaseStatus(kind, db.maskedUrl(), version, true, "");
            }
        } catch (SQLException | RuntimeException e) {
            return new DatabaseStatus(kind, db.maskedUrl(), "", false, SqlErrors.describe(e));
        }
    }
}
