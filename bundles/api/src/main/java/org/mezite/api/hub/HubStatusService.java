package org.mezite.api.hub;

import org.osgi.annotation.versioning.ProviderType;

/** Reports the state of this hub process. */
@ProviderType
public interface HubStatusService {

    HubStatus status();
}
