package org.mezite.api.admin;

import java.util.List;

import org.mezite.api.access.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** The cluster's certificate authorities (resource {@code cert_authority}), public parts only. */
@ProviderType
public interface CaAdmin {

    /** Verb {@code list}. */
    List<CaInfo> list(Caller caller);
}
