package org.mezite.admin.remote.internal;

import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.access.InvalidRoleException;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.StoreException;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Turns the Auth server's refusals back into the exceptions the admin API declares, with the same message, so that
 * the console says exactly what it says on the Auth hub: by the {@code mezite-error-kind} trailer
 * ({@code admin.proto}) when there is one, else (the call never reached the admin API) by the status.
 */
final class RemoteErrors {

    static final Metadata.Key<String> KIND = Metadata.Key.of("mezite-error-kind", Metadata.ASCII_STRING_MARSHALLER);

    private RemoteErrors() {
    }

    /**
     * @param auth the Auth server's address, for failures that are about reaching it
     */
    static RuntimeException of(StatusRuntimeException e, String auth) {
        Status status = e.getStatus();
        String message = status.getDescription() == null ? status.getCode().toString() : status.getDescription();
        String kind = e.getTrailers() == null ? null : e.getTrailers().get(KIND);
        if (kind != null) {
            switch (kind) {
                case "access_denied":
                    return new AccessDeniedException(message);
                case "not_found":
                    return new NotFoundException(message);
                case "conflict":
                    return new ConflictException(message);
                case "invalid_role":
                    return new InvalidRoleException(message);
                case "invalid_argument":
                    return new IllegalArgumentException(message);
                case "store":
                    return new StoreException(message);
                default:
                    return new IllegalStateException("the Auth server at " + auth + ": " + message);
            }
        }
        return switch (status.getCode()) {
            case UNAUTHENTICATED, PERMISSION_DENIED -> new AccessDeniedException("the Auth server at " + auth
                    + " refused the admin certificate: " + message);
            case UNAVAILABLE, DEADLINE_EXCEEDED -> new IllegalStateException("cannot reach the Auth server at " + auth
                    + ": " + reason(e, message));
            case UNIMPLEMENTED -> new IllegalStateException("the Auth server at " + auth + " has no admin API (an"
                    + " older version?): " + message);
            default -> new IllegalStateException("the Auth server at " + auth + ": " + status.getCode() + ": "
                    + reason(e, message));
        };
    }

    /** What went wrong underneath, e.g. the TLS check of the server, rather than gRPC's "io exception". */
    private static String reason(StatusRuntimeException e, String message) {
        Throwable root = e.getStatus().getCause();
        if (root == null) {
            return message;
        }
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : message;
    }
}
