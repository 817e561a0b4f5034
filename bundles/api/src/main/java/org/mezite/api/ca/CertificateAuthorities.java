package org.mezite.api.ca;

import java.util.List;

import org.mezite.api.store.CaType;
import org.osgi.annotation.versioning.ProviderType;

/** The public side of the cluster's CAs: what peers need to trust them. Available once both CAs are loaded. */
@ProviderType
public interface CertificateAuthorities {

    /** The cluster whose CAs these are. */
    String clusterName();

    /** The user or host CA. */
    CaPublicIdentity authority(CaType type);

    /** The user CA, then the host CA. */
    List<CaPublicIdentity> all();
}
