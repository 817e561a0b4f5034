package org.mezite.store.jpa.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;
import javax.sql.DataSource;

import org.eclipse.persistence.exceptions.EclipseLinkException;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.store.StoreException;

/**
 * The migrated database as the repositories use it: short read and write units over the EntityManagerFactory, each
 * with its own EntityManager, and the clock that stamps rows. Registered as a service (inside this bundle only) by
 * {@link Database} once the schema is migrated.
 */
public final class JpaStore {

    private final EntityManagerFactory emf;
    private final DataSource dataSource;
    private final DatabaseSettings settings;
    private final Clock clock;

    public JpaStore(EntityManagerFactory emf, DataSource dataSource, DatabaseSettings settings, Clock clock) {
        this.emf = Objects.requireNonNull(emf, "emf");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Now, at the millisecond precision the database keeps. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** Runs queries outside a transaction. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } catch (PersistenceException | EclipseLinkException e) {
            throw new StoreException("database read failed: " + SqlErrors.describe(e), e);
        } finally {
            em.close();
        }
    }

    /**
     * Runs work in one transaction and commits it. A unique-key clash becomes a ConflictException saying that
     * {@code subject} already exists; StoreExceptions thrown by the work roll back and pass through.
     *
     * @param subject what is written, for messages: {@code user "alice"}
     */
    public <T> T write(String subject, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            em.flush();
            tx.commit();
            return result;
        } catch (PersistenceException | EclipseLinkException e) {
            throw SqlErrors.translate(subject, e);
        } finally {
            rollbackAndClose(em, tx);
        }
    }

    private static void rollbackAndClose(EntityManager em, EntityTransaction tx) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            // the failure that led here is the one worth reporting; a broken connection is dropped by the pool
        } finally {
            em.close();
        }
    }
}
