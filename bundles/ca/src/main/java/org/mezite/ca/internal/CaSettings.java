package org.mezite.ca.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.mezite.api.hub.Durations;
import org.mezite.api.store.CaType;

/**
 * The validated content of {@code etc/org.mezite.ca.cfg}. {@link #toString()} leaves out the passphrase.
 *
 * @param passphrase      the CA key passphrase as UTF-8, empty for none
 * @param userCertMaxTtl  longest validity of what the user CA signs
 * @param hostCertMaxTtl  longest validity of what the host CA signs
 */
record CaSettings(byte[] passphrase, Duration userCertMaxTtl, Duration hostCertMaxTtl) {

    static final String PID = "org.mezite.ca";
    static final String CONFIG_FILE = "etc/" + PID + ".cfg";
    static final String PASSPHRASE = "ca_key_passphrase";
    static final String USER_MAX_TTL = "user_cert_max_ttl";
    static final String HOST_MAX_TTL = "host_cert_max_ttl";
    static final Duration DEFAULT_USER_MAX_TTL = Duration.ofHours(12);
    static final Duration DEFAULT_HOST_MAX_TTL = Duration.ofDays(30);

    /** @throws CaStartupException naming the file, the key and the problem */
    static CaSettings parse(Map<String, ?> properties) {
        Object passphrase = properties.get(PASSPHRASE);
        String secret = passphrase == null ? "" : passphrase.toString();
        return new CaSettings(secret.getBytes(StandardCharsets.UTF_8),
                duration(properties, USER_MAX_TTL, DEFAULT_USER_MAX_TTL),
                duration(properties, HOST_MAX_TTL, DEFAULT_HOST_MAX_TTL));
    }

    private static Duration duration(Map<String, ?> properties, String key, Duration fallback) {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            return Durations.parse(value.toString());
        } catch (IllegalArgumentException e) {
            throw new CaStartupException(CONFIG_FILE + ": " + key + ": " + e.getMessage());
        }
    }

    Duration maxTtl(CaType type) {
        return type == CaType.USER ? userCertMaxTtl : hostCertMaxTtl;
    }

    @Override
    public String toString() {
        return "CaSettings[passphrase=" + (passphrase.length == 0 ? "(none)" : "****") + ", userCertMaxTtl="
                + Durations.format(userCertMaxTtl) + ", hostCertMaxTtl=" + Durations.format(hostCertMaxTtl) + "]";
    }
}
