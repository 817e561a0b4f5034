package org.mezite.api.join;

import java.util.Locale;

/** Whether a join token can still be used. */
public enum JoinTokenState {
    /** Unused and not expired. */
    ACTIVE,
    /** An agent joined with it. */
    USED,
    /** Its time ran out before anyone used it. */
    EXPIRED;

    /** The lower-case name shown to operators. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
