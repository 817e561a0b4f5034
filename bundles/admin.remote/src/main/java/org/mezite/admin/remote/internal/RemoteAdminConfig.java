package org.mezite.admin.remote.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of {@code etc/org.mezite.admin.remote.cfg}: how a hub without the Auth role reaches the Auth server's
 * admin API, and as whom. Method names map to the file's keys ({@code __} is {@code _});
 * {@link RemoteAdminSettings} validates them.
 */
@ObjectClassDefinition(name = "Mezite remote administration",
        description = "The mezite:* console of a hub without the Auth role calls the Auth server's admin API as the"
                + " user of a client certificate")
@interface RemoteAdminConfig {

    @AttributeDefinition(name = "Auth address",
            description = "HOST:PORT of the Auth server's gRPC API (auth.listen of the Auth hub; port 3025 unless"
                    + " given). Empty: the admin API is not offered on this hub")
    String auth__address() default "";

    @AttributeDefinition(name = "Client certificate",
            description = "The X.509 client certificate (PEM) of a user whose roles allow administration, e.g."
                    + " ~/.msh/keys/PROXY/USER-x509.pem after msh login; re-read when it changes")
    String certificate() default "";

    @AttributeDefinition(name = "Private key",
            description = "The certificate's private key: the OpenSSH key msh login keeps beside it"
                    + " (~/.msh/keys/PROXY/USER) or an unencrypted PKCS#8 PEM key (mezite:cert-sign); readable by"
                    + " the hub only")
    String key() default "";

    @AttributeDefinition(name = "Host CA pin",
            description = "sha256:... of the cluster's host CA (mezite:status on the Auth hub prints it), which the"
                    + " Auth server's TLS certificate must chain to")
    String ca__pin() default "";
}
