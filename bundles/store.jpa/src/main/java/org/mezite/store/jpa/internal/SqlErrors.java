package org.mezite.store.jpa.internal;

import java.sql.SQLException;
import java.util.Locale;

import org.mezite.api.store.ConflictException;
import org.mezite.api.store.StoreException;

/**
 * Turns database failures into store exceptions that say what went wrong in Mezite's terms. Unique and foreign-key
 * violations are told apart through the SQLSTATE (PostgreSQL) or the extended result code (SQLite).
 */
public final class SqlErrors {

    private static final String PG_UNIQUE_VIOLATION = "23505";
    private static final String PG_FOREIGN_KEY_VIOLATION = "23503";
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
    private static final int SQLITE_CONSTRAINT_UNIQUE = 2067;
    private static final int SQLITE_CONSTRAINT_FOREIGNKEY = 787;

    private SqlErrors() {
    }

    /**
     * The exception to throw for a failed write of {@code subject} (e.g. {@code user "alice"}).
     */
    public static StoreException translate(String subject, RuntimeException failure) {
        SQLException sql = sqlCause(failure);
        if (sql != null && isUniqueViolation(sql)) {
            return new ConflictException(subject + " already exists", failure);
        }
        if (sql != null && isForeignKeyViolation(sql)) {
            return new ConflictException(subject + " refers to a row that does not exist", failure);
        }
        return new StoreException("cannot write " + subject + ": " + describe(failure), failure);
    }

    /** The innermost useful message of a failure, for logs and error messages. */
    public static String describe(Throwable failure) {
        SQLException sql = sqlCause(failure);
        Throwable root = sql != null ? sql : failure;
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.strip();
    }

    static boolean isUniqueViolation(SQLException e) {
        if (PG_UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return true;
        }
        int code = e.getErrorCode();
        return code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY
                || code == SQLITE_CONSTRAINT && messageContains(e, "UNIQUE constraint failed");
    }

    static boolean isForeignKeyViolation(SQLException e) {
        if (PG_FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
            return true;
        }
        int code = e.getErrorCode();
        return code == SQLITE_CONSTRAINT_FOREIGNKEY
                || code == SQLITE_CONSTRAINT && messageContains(e, "FOREIGN KEY constraint failed");
    }

    private static boolean messageContains(SQLException e, String text) {
        return e.getMessage() != null && e.getMessage().toUpperCase(Locale.ROOT).contains(text.toUpperCase(Locale.ROOT));
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
