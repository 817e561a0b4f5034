package org.mezite.api.hub;

/** A service that a mezhub process can run; combined mode runs both. */
public enum HubRole {
    AUTH, PROXY;

    /** The name operators write in {@code services = auth, proxy}. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
