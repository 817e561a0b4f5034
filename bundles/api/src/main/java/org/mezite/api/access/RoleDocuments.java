package org.mezite.api.access;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Reads and checks role documents (YAML or JSON, {@code kind: role}, {@code version: v1}). */
@ProviderType
public interface RoleDocuments {

    /**
     * Parses and validates a role document.
     *
     * @throws InvalidRoleException naming the role and the field: invalid YAML, unknown fields, bad regular
     *         expressions, unknown template variables, bad durations
     */
    RoleDocument parse(String text);

    /** The preset roles ({@code access}, {@code editor}, {@code auditor}) created at a cluster's first start. */
    List<RoleDocument> presets();
}
