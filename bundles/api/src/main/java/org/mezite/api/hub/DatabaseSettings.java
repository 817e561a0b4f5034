package org.mezite.api.hub;

import java.util.Objects;

/**
 * Where the hub keeps its state. The password is kept apart from {@link #toString()} so that it never lands in a log.
 *
 * @param kind     SQLite or PostgreSQL
 * @param url      the JDBC URL
 * @param user     the database user, empty for SQLite
 * @param password the database password, empty when none
 * @param poolSize the most connections the hub holds open
 */
public record DatabaseSettings(DatabaseKind kind, String url, String user, String password, int poolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** The URL with any password in it replaced by {@code ****}, safe to print. */
    public String maskedUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("//([^:/@]+):[^@/]*@", "//$1:****@");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[kind=" + kind + ", url=" + maskedUrl() + ", user=" + user
                + ", password=" + (password.isEmpty() ? "(none)" : "****") + ", poolSize=" + poolSize + "]";
    }
}
