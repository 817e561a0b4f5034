package org.mezite.ca.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.mezite.api.ca.InvalidCertificateRequestException;
import org.mezite.api.hub.Durations;

/** Checks of request fields shared by the signers; each failure names the field. */
final class RequestChecks {

    /** OpenSSH's limit (SSHKEY_CERT_MAX_PRINCIPALS). */
    static final int MAX_PRINCIPALS = 256;
    private static final int MAX_NAME_LENGTH = 255;

    private RequestChecks() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field, "is required");
        }
        return value;
    }

    /** A name carried in a certificate: non-empty, at most 255 characters, no control characters. */
    static String name(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw invalid(field, "must not be empty");
        }
        if (value.length() > MAX_NAME_LENGTH) {
            throw invalid(field, "is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid(field, "\"" + SubjectPublicKey.printable(value) + "\" contains control characters");
        }
        return value;
    }

    /** An item of a list OpenSSH or Mezite writes comma separated: a {@link #name} without spaces or commas. */
    static String word(String field, String value) {
        name(field, value);
        if (value.codePoints().anyMatch(c -> c == ',' || Character.isWhitespace(c))) {
            throw invalid(field, "\"" + SubjectPublicKey.printable(value) + "\" contains a space or a comma");
        }
        return value;
    }

    /** Certificate principals: at least one, each a {@link #word}, repeats dropped, order kept. */
    static List<String> principals(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw invalid(field, "at least one is required (a certificate without principals is valid for any)");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String value : values) {
            unique.add(word(field, value));
        }
        if (unique.size() > MAX_PRINCIPALS) {
            throw invalid(field, unique.size() + " given, OpenSSH accepts at most " + MAX_PRINCIPALS);
        }
        return List.copyOf(unique);
    }

    /** A positive TTL, cut to {@code max}. */
    static Duration ttl(String field, Duration ttl, Duration max) {
        if (ttl == null) {
            throw invalid(field, "is required (at most " + Durations.format(max) + ")");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw invalid(field, "must be positive, got " + ttl);
        }
        return ttl.compareTo(max) > 0 ? max : ttl;
    }

    static InvalidCertificateRequestException invalid(String field, String problem) {
        return new InvalidCertificateRequestException(field + ": " + problem);
    }
}
