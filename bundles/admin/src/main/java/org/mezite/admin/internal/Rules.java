package org.mezite.admin.internal;

/** The resources and verbs of role {@code rules} that the admin services check. */
final class Rules {

    static final String USER = "user";
    static final String ROLE = "role";
    static final String TOKEN = "token";
    static final String NODE = "node";
    static final String SESSION = "session";
    static final String LOCK = "lock";
    static final String CERT_AUTHORITY = "cert_authority";
    static final String AUDIT = "audit";

    static final String LIST = "list";
    static final String READ = "read";
    static final String CREATE = "create";
    static final String UPDATE = "update";
    static final String DELETE = "delete";

    private Rules() {
    }
}
