package org.mezite.store.jpa.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.eclipse.persistence.platform.database.PostgreSQLPlatform;
import org.mezite.api.hub.DatabaseKind;

/** The properties the persistence unit {@value #UNIT} is created with, beyond those in persistence.xml. */
public final class JpaProperties {

    /** The name of Mezite's persistence unit. */
    public static final String UNIT = "mezite";

    static final String NON_JTA_DATA_SOURCE = "javax.persistence.nonJtaDataSource";
    static final String TARGET_DATABASE = "eclipselink.target-database";
    static final String SESSION_NAME = "eclipselink.session-name";

    private JpaProperties() {
    }

    public static Map<String, Object> of(DatabaseKind kind, DataSource dataSource) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(NON_JTA_DATA_SOURCE, dataSource);
        properties.put(TARGET_DATABASE, switch (kind) {
            case SQLITE -> SQLitePlatform.class.getName();
            case POSTGRESQL -> PostgreSQLPlatform.class.getName();
        });
        // EclipseLink reuses a deployed session of the same name, whatever its data source; never let it.
        properties.put(SESSION_NAME, UNIT + "-" + kind.configName() + "-" + UUID.randomUUID());
        return properties;
    }
}
