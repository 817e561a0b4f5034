package org.mezite.hub.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Metatype of {@code etc/org.mezite.hub.cfg}, for Karaf's config commands and documentation. Parsing and validation
 * live in {@link HubSettingsParser}; the names here map to the file's keys ({@code _} is {@code .}, {@code __} is
 * {@code _}).
 */
@ObjectClassDefinition(name = "Mezite hub",
        description = "Cluster name, services to run, listen addresses, data directory and database")
@interface HubSettingsDefinition {

    @AttributeDefinition(name = "Cluster name", description = "Carried in every certificate the CAs issue")
    String cluster__name() default "mezite";

    @AttributeDefinition(description = "auth, proxy, or auth,proxy (combined mode)")
    String services() default "auth,proxy";

    @AttributeDefinition(name = "Auth gRPC listen address")
    String auth_listen() default "127.0.0.1:3025";

    @AttributeDefinition(name = "Proxy HTTPS listen address")
    String proxy_web_listen() default "0.0.0.0:3080";

    @AttributeDefinition(name = "Proxy SSH listen address")
    String proxy_ssh_listen() default "0.0.0.0:3023";

    @AttributeDefinition(name = "Proxy reverse tunnel listen address")
    String proxy_tunnel_listen() default "0.0.0.0:3024";

    @AttributeDefinition(name = "Data directory", description = "Empty: the hub's data/ directory")
    String data__dir() default "";

    @AttributeDefinition(name = "Database kind",
            options = {@Option(label = "SQLite", value = "sqlite"), @Option(label = "PostgreSQL", value = "postgresql")})
    String database_kind() default "sqlite";

    @AttributeDefinition(name = "JDBC URL", description = "Empty with sqlite: DATA_DIR/mezite.db")
    String database_url() default "";

    @AttributeDefinition(name = "Database user")
    String database_user() default "";

    @AttributeDefinition(name = "Database password", type = AttributeType.PASSWORD)
    String database_password() default "";

    @AttributeDefinition(name = "Connection pool size")
    int database_pool__size() default 4;
}
