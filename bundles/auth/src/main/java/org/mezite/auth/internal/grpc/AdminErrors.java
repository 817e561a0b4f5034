package org.mezite.auth.internal.grpc;

import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.access.InvalidRoleException;
import org.mezite.api.store.ConflictException;
import org.mezite.api.store.NotFoundException;
import org.mezite.api.store.StoreException;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * How an admin service's exception travels: a status for gRPC clients and the exception's kind in the
 * {@value #KIND_HEADER} trailer for Mezite's own client, which throws the same exception with the same message
 * again (table in {@code admin.proto}).
 */
final class AdminErrors {

    static final String KIND_HEADER = "mezite-error-kind";
    static final Metadata.Key<String> KIND = Metadata.Key.of(KIND_HEADER, Metadata.ASCII_STRING_MARSHALLER);

    static final String ACCESS_DENIED = "access_denied";
    static final String NOT_FOUND = "not_found";
    static final String CONFLICT = "conflict";
    static final String INVALID_ROLE = "invalid_role";
    static final String INVALID_ARGUMENT = "invalid_argument";
    static final String STORE = "store";
    static final String UNAVAILABLE = "unavailable";
    static final String INTERNAL = "internal";

    private AdminErrors() {
    }

    /**
     * The status for what an admin service threw; {@code null} for anything that is not part of the admin API's
     * contract (a bug, whose message may say too much).
     */
    static StatusRuntimeException of(RuntimeException e) {
        if (e instanceof AccessDeniedException) {
            return status(Status.PERMISSION_DENIED, ACCESS_DENIED, e.getMessage());
        }
        if (e instanceof NotFoundException) {
            return status(Status.NOT_FOUND, NOT_FOUND, e.getMessage());
        }
        if (e instanceof ConflictException) {
            return status(Status.ALREADY_EXISTS, CONFLICT, e.getMessage());
        }
        if (e instanceof StoreException) {
            return status(Status.UNAVAILABLE, STORE, e.getMessage());
        }
        if (e instanceof InvalidRoleException) {
            return status(Status.INVALID_ARGUMENT, INVALID_ROLE, e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return status(Status.INVALID_ARGUMENT, INVALID_ARGUMENT, e.getMessage());
        }
        return null;
    }

    static StatusRuntimeException status(Status status, String kind, String message) {
        Metadata trailers = new Metadata();
        trailers.put(KIND, kind);
        return status.withDescription(message).asRuntimeException(trailers);
    }
}
