package org.mezite.client;

/**
 * The proxy answered with an error: its HTTP status, the API's code ({@code bad_credentials}, {@code locked}, ...)
 * and its message, which msh shows as it is.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
