package org.mezite.api.store;

import java.util.Locale;

/** Where an access request stands. Expiry is not a state: compare {@link AccessRequest#expiresAt()} with now. */
public enum AccessRequestState {
    PENDING, APPROVED, DENIED;

    /** The lower-case name stored in the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccessRequestState fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
