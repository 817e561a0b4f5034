package org.mezite.proxy.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of {@code etc/org.mezite.proxy.web.cfg}. The listen address itself is {@code proxy.web.listen} in
 * {@code etc/org.mezite.hub.cfg}; this file says how users reach the proxy and which certificate it shows them.
 * Method names map to the file's keys ({@code __} is {@code _}); {@link ProxyWebSettings} validates them.
 */
@ObjectClassDefinition(name = "Mezite proxy web",
        description = "Public address and TLS certificate of the proxy's HTTPS listener")
@interface ProxyWebConfig {

    @AttributeDefinition(name = "Public address",
            description = "HOST[:PORT] users type to reach the proxy (comma separated when there are several): put"
                    + " in the generated certificate and shown to msh. Empty: this machine's host name")
    String public__addr() default "";

    @AttributeDefinition(name = "TLS certificate file",
            description = "PEM certificate chain (leaf first) for HTTPS. Empty: a certificate from the cluster's"
                    + " host CA, made at start, which msh verifies with --ca-pin")
    String tls__cert__file() default "";

    @AttributeDefinition(name = "TLS key file",
            description = "PEM private key (PKCS#8, \"BEGIN PRIVATE KEY\") of tls_cert_file; readable by the hub only")
    String tls__key__file() default "";
}
