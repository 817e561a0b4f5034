package org.mezite.proxy.web.internal;

import java.util.Objects;

/**
 * A request the API answers with an error: the HTTP status, a stable code for programs and a message for the person
 * reading it, sent as {@code {"error": message, "code": code}}. Messages never carry a password, code or token.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    /** 400: the request itself is wrong; the message names the field. */
    static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    /** 503: a service this request needs is not running in this hub right now. */
    static ApiException unavailable(String message) {
        return new ApiException(503, "unavailable", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
