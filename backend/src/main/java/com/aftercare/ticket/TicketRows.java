package com.aftercare.ticket;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a new ticket's row once (issue 17, ADR 0062). The ticket's number is derived from its id, so with an id that
 * Hibernate generates at the insert the number could only follow in an UPDATE of the row just inserted. The id is
 * taken from the same sequence (ticket_seq, the same single statement Hibernate ran) before the ticket is built, and
 * the ticket is persisted, never merged: an id already set would make Spring Data's {@code save} merge, which reads
 * the row first.
 */
@Component
class TicketRows {

    private final JdbcTemplate jdbc;
    @PersistenceContext
    private EntityManager entityManager;
    private volatile String nextIdSql;

    TicketRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next value of ticket_seq, in the database's own words (the dialect Hibernate itself asked). */
    Long nextId() {
        String sql = nextIdSql;
        if (sql == null) {
            sql = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                    .getDialect().getSequenceSupport().getSequenceNextValString("ticket_seq");
            nextIdSql = sql;
        }
        return jdbc.queryForObject(sql, Long.class);
    }

    /**
     * Inserts the ticket now: the steps that follow write rows referring to it through JDBC (the board's clock rows),
     * which Hibernate's flush-before-query does not cover.
     */
    void insert(Ticket ticket) {
        entityManager.persist(ticket);
        try {
            entityManager.flush();
        } catch (ConstraintViolationException e) {
            // what a repository's flush would throw (Spring translates only around repositories): the controller
            // answers a retry that raced its first attempt on the idempotency key from it (BadInputTest)
            throw new DataIntegrityViolationException(e.getMessage(), e);
        }
    }
}
