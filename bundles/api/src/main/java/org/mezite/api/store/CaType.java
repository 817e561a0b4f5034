package org.mezite.api.store;

import java.util.Locale;

/** Which certificates a certificate authority signs. */
public enum CaType {
    /** Signs user certificates that clients present to nodes. */
    USER,
    /** Signs host certificates that nodes present to clients. */
    HOST;

    /** The lower-case name stored in the database and shown to operators. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for a stored {@link #id()}. */
    public static CaType fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
