package org.mezite.store.jpa.internal;

import org.eclipse.persistence.platform.database.DatabasePlatform;
import org.eclipse.persistence.queries.ValueReadQuery;

/**
 * EclipseLink's database platform for SQLite, which EclipseLink does not ship. The generic platform would fall back to
 * table sequencing (a {@code SEQUENCE} table) for generated ids and append {@code FOR UPDATE}, which SQLite lacks.
 * Selected through {@code eclipselink.target-database}.
 */
public class SQLitePlatform extends DatabasePlatform {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean supportsIdentity() {
        return true;
    }

    @Override
    public ValueReadQuery buildSelectQueryForIdentity() {
        return new ValueReadQuery("SELECT last_insert_rowid()");
    }

    /** SQLite locks the whole database for a writing transaction; there is no row lock to ask for. */
    @Override
    public String getSelectForUpdateString() {
        return "";
    }
}
