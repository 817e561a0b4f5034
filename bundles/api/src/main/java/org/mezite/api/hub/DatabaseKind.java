package org.mezite.api.hub;

/** The database dialects Mezite stores its state in. */
public enum DatabaseKind {
    SQLITE("sqlite"), POSTGRESQL("postgresql");

    private final String configName;

    DatabaseKind(String configName) {
        this.configName = configName;
    }

    /** The name operators write in {@code database.kind}, also the migrations folder of this dialect. */
    public String configName() {
        return configName;
    }
}
