package org.mezite.api.join;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What may join with a token. */
public enum JoinTokenType {
    /** A server running the agent, mezd. */
    NODE;

    /** The lower-case name stored and shown to operators: {@code node}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type for a name as operators write it.
     *
     * @throws IllegalArgumentException naming the types there are
     */
    public static JoinTokenType fromId(String id) {
        for (JoinTokenType type : values()) {
            if (type.id().equals(id)) {
                return type;
            }
        }
        throw new IllegalArgumentException("type: \"" + id + "\" is not one of "
                + Arrays.stream(values()).map(JoinTokenType::id).collect(Collectors.joining(", ")));
    }
}
