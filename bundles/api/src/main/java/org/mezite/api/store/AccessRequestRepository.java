package org.mezite.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Requests for temporary extra roles and their review. */
@ProviderType
public interface AccessRequestRepository {

    /** Files a pending request. */
    AccessRequest create(String username, List<String> requestedRoles, String reason, Instant expiresAt);

    Optional<AccessRequest> findById(String id);

    /** Requests in a state, newest first. */
    List<AccessRequest> list(AccessRequestState state);

    /** The requests of a user, newest first. */
    List<AccessRequest> listByUser(String username);

    /**
     * Approves or denies a pending request, atomically: of two reviewers racing, one wins.
     *
     * @throws NotFoundException when there is no such request
     * @throws ConflictException when the request is no longer pending
     * @throws IllegalArgumentException when {@code state} is {@link AccessRequestState#PENDING}
     */
    AccessRequest resolve(String id, AccessRequestState state, String resolvedBy, String resolveReason, Instant at);

    /** False when there was no such request. */
    boolean delete(String id);
}
