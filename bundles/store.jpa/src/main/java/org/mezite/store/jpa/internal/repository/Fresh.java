package org.mezite.store.jpa.internal.repository;

import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;

/** Reads a row from the database even when the EntityManager saw it before a bulk UPDATE in the same transaction. */
final class Fresh {

    private static final Map<String, Object> REFRESH = Map.of("eclipselink.refresh", "true");

    private Fresh() {
    }

    static <E> Optional<E> find(EntityManager em, Class<E> type, Object id) {
        return Optional.ofNullable(em.find(type, id, REFRESH));
    }
}
