package org.mezite.api.store;

/**
 * The state store as the hub sees it.
 *
 * @param kind          {@code sqlite} or {@code postgresql}
 * @param maskedUrl     the JDBC URL with any password masked
 * @param schemaVersion the newest applied migration version, e.g. {@code 1}
 * @param healthy       whether a query just succeeded
 * @param error         why it is unhealthy, or empty
 */
public record DatabaseStatus(String kind, String maskedUrl, String schemaVersion, boolean healthy, String error) {
}
