package org.mezite.proxy.web.internal;

/**
 * Every error the API sends.
 *
 * @param error what went wrong, for people
 * @param code  what went wrong, for programs: {@code bad_credentials}, {@code wrong_code}, {@code locked}, ...
 */
record ErrorBody(String error, String code) {
}
