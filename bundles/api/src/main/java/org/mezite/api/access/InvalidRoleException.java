package org.mezite.api.access;

/**
 * A role document that cannot be used. The message names the role and the path of the offending field, e.g.
 * {@code role "dev": spec.allow.node_labels["env"]: invalid regular expression "^(prod": Unclosed group}.
 */
public class InvalidRoleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidRoleException(String message) {
        super(message);
    }
}
