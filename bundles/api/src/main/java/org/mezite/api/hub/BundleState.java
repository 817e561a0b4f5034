package org.mezite.api.hub;

/**
 * One Mezite bundle as the framework sees it.
 *
 * @param symbolicName the bundle symbolic name
 * @param version      the bundle version
 * @param state        ACTIVE, RESOLVED, INSTALLED, STARTING, STOPPING or UNINSTALLED
 */
public record BundleState(String symbolicName, String version, String state) {
}
