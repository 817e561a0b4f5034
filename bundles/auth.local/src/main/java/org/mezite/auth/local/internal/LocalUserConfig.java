package org.mezite.auth.local.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/org.mezite.auth.local.cfg}: how local users' credentials are protected. Names map to the file's keys
 * ({@code _} is {@code .}). No secret is a value here: configuration values become service properties.
 */
@ObjectClassDefinition(name = "Mezite local users", description = "bcrypt cost and the key of TOTP secrets")
@interface LocalUserConfig {

    @AttributeDefinition(name = "bcrypt cost", min = "10", max = "16",
            description = "log2 of bcrypt's rounds: each step doubles the time of a login and of an attack. 11 took"
                    + " 120 ms per check on a 2-core server when it was chosen; raise it as servers get faster."
                    + " Existing hashes are redone at the user's next login.")
    int bcrypt_cost() default LocalUserService.DEFAULT_BCRYPT_COST;

    @AttributeDefinition(name = "TOTP key file",
            description = "File holding base64 of 32 random bytes (openssl rand -base64 32) that encrypt the TOTP"
                    + " secrets in the database; relative paths are in the data directory. Every Auth server of a"
                    + " cluster needs the same key. Empty: DATA_DIR/totp.key, made at first start (fine for a single"
                    + " hub). Another key locks out every enrolled user until reset.")
    String totp_key_file() default "";
}
