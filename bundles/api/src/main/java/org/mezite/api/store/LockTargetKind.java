package org.mezite.api.store;

import java.util.Locale;

/** What a lock applies to. */
public enum LockTargetKind {
    USER, ROLE, NODE, LOGIN;

    /** The lower-case name stored in the database and written by operators. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LockTargetKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
