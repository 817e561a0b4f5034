package org.mezite.api.admin;

import java.util.List;

import org.mezite.api.access.Caller;
import org.mezite.api.join.IssuedJoinToken;
import org.mezite.api.join.JoinTokenInfo;
import org.mezite.api.join.JoinTokenRequest;
import org.osgi.annotation.versioning.ProviderType;

/** Join tokens (resource {@code token}). */
@ProviderType
public interface TokenAdmin {

    /** Verb {@code create}. */
    IssuedJoinToken add(Caller caller, JoinTokenRequest request);

    /** Verb {@code list}. */
    List<JoinTokenInfo> list(Caller caller);

    /** Verb {@code delete}. @throws org.mezite.api.store.NotFoundException when there is no such token */
    void remove(Caller caller, String tokenOrId);
}
