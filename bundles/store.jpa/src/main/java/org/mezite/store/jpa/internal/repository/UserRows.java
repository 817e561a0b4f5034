package org.mezite.store.jpa.internal.repository;

import javax.persistence.EntityManager;

import org.mezite.api.store.NotFoundException;

/** Checks for rows that hang off a user (web sessions, invites), so that a missing user gets a clear message. */
final class UserRows {

    private UserRows() {
    }

    static void requireUser(EntityManager em, String username) {
        long count = em.createQuery("SELECT COUNT(u) FROM UserEntity u WHERE u.username = :username", Long.class)
                .setParameter("username", username).getSingleResult();
        if (count == 0) {
            throw new NotFoundException("user " + Names.quoted(username) + " does not exist");
        }
    }
}
