package org.mezite.api.store;

import org.osgi.annotation.versioning.ProviderType;

/** Registered by the store once its schema is migrated; answers a cheap live check. */
@ProviderType
public interface StoreHealth {

    DatabaseStatus check();
}
