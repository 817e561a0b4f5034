package org.mezite.store.jpa.internal.repository;

/** How rows are named in error messages. */
final class Names {

    private Names() {
    }

    static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
