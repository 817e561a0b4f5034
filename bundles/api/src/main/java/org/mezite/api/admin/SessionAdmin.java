package org.mezite.api.admin;

import java.util.List;

import org.mezite.api.access.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** Sessions on nodes (resource {@code session}). */
@ProviderType
public interface SessionAdmin {

    /** Verb {@code list}: sessions that have started and not ended, oldest first. */
    List<ActiveSession> listActive(Caller caller);

    /**
     * Verb {@code delete}: asks the session's node to end it, showing {@code message} to the user.
     *
     * @throws org.mezite.api.store.NotFoundException when no such session is running
     */
    void terminate(Caller caller, String sessionId, String message);
}
