package org.mezite.ca.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of {@code etc/org.mezite.ca.cfg}, for Karaf's config commands and documentation. Parsing and validation
 * live in {@link CaSettings}; method names map to the file's keys ({@code __} is {@code _}).
 */
@ObjectClassDefinition(name = "Mezite certificate authorities",
        description = "Protection of the CA private keys and the longest certificates the CAs sign")
@interface CaSettingsDefinition {

    @AttributeDefinition(name = "CA key passphrase", type = AttributeType.PASSWORD,
            description = "Encrypts the CA private keys in the database (Argon2id + AES-256-GCM). Empty: the keys"
                    + " are wrapped without a secret and the hub warns at every start. Set it before the first start;"
                    + " changing it later is not supported yet")
    String ca__key__passphrase() default "";

    @AttributeDefinition(name = "Longest user certificate",
            description = "Upper bound on any user certificate's (and user-CA X.509 certificate's) validity, e.g. 12h")
    String user__cert__max__ttl() default "12h";

    @AttributeDefinition(name = "Longest host certificate",
            description = "Upper bound on any host certificate's (and host-CA X.509 certificate's) validity, e.g."
                    + " 720h; agents renew before expiry")
    String host__cert__max__ttl() default "720h";
}
