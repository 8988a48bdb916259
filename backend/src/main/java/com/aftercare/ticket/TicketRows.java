package com.aftercare.ticket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.type.Type;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a new ticket's row once (issue 17, ADRs 0062 and 0090).
 * <p>
 * The ticket's number is derived from its id, so with an id that Hibernate generates at the insert the number could
 * only follow in an UPDATE of the row just inserted. The id is taken from the same sequence (ticket_seq, the same
 * single statement Hibernate ran) before the ticket is built, and the ticket is persisted, never merged: an id already
 * set would make Spring Data's {@code save} merge, which reads the row first.
 * <p>
 * The opening's steps (level, warranty, clocks, the process instance) then change the ticket. Written at once, its
 * row was inserted and updated again at commit, both touching every index of {@code ticket}: the most expensive pair
 * of statements of a report on PostgreSQL. So {@link #insertAfter} persists the ticket without writing it, runs the
 * opening, and writes the row once with what the opening decided. Rows that refer to the ticket and are written
 * through JDBC during the opening (the board's clock rows) wait for it ({@link #afterWritten}); the timeline,
 * milestones and warranty rows go through Hibernate, which inserts them after the ticket persisted before them.
 */
@Component
class TicketRows {

    /** Per thread: the tickets persisted but not yet written, each with what waits for its row. */
    private static final ThreadLocal<Map<Long, List<Runnable>>> UNWRITTEN = ThreadLocal.withInitial(HashMap::new);

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
     * Persists the new ticket, runs {@code opening} (which may change it), then writes its row once, with the state the
     * opening left, and runs what waited for the row.
     */
    void insertAfter(Ticket ticket, Runnable opening) {
        Map<Long, List<Runnable>> unwritten = UNWRITTEN.get();
        unwritten.put(ticket.getId(), new ArrayList<>());
        try {
            entityManager.persist(ticket);
            opening.run();
            insertAsItIsNow(ticket);
            write();
            for (Runnable waiting : unwritten.remove(ticket.getId())) {
                waiting.run();
            }
        } finally {
            unwritten.remove(ticket.getId());
            if (unwritten.isEmpty()) {
                UNWRITTEN.remove();
            }
        }
    }

    /**
     * Runs {@code write} now, or, while the ticket is persisted but its row not yet written ({@link #insertAfter}),
     * right after its row is: for JDBC writes of rows with a foreign key to the ticket.
     */
    static void afterWritten(Long ticketId, Runnable write) {
        Map<Long, List<Runnable>> unwritten = UNWRITTEN.get();
        List<Runnable> waiting = unwritten.get(ticketId);
        if (unwritten.isEmpty()) {
            UNWRITTEN.remove();
        }
        if (waiting == null) {
            write.run();
        } else {
            waiting.add(write);
        }
    }

    /**
     * Hibernate took the insert's values at {@code persist} and would update the row with every later change at the
     * flush. If the row is still unwritten (nothing flushed the session in between), the pending insert takes the
     * ticket's values as they are now, so the flush inserts them and finds nothing left to update. The pending insert
     * and the entry's loaded state are one array (Hibernate's {@code AbstractEntityInsertAction.makeEntityManaged});
     * {@code IntakeStatementCountTest} (the row read back with version 0, no {@code update ticket}) fails if a
     * Hibernate upgrade changes that. If something flushed the ticket early,
     * the flush updates it as before: correct, one statement more.
     */
    private void insertAsItIsNow(Ticket ticket) {
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(ticket);
        if (entry == null || entry.isExistsInDatabase() || entry.getLoadedState() == null) {
            return;
        }
        Object[] pending = entry.getLoadedState();
        Object[] now = entry.getPersister().getValues(ticket);
        Type[] types = entry.getPersister().getPropertyTypes();
        for (int i = 0; i < pending.length; i++) {
            if (!types[i].isCollectionType()) {
                pending[i] = types[i].deepCopy(now[i], session.getFactory());
            }
        }
    }

    private void write() {
        try {
            entityManager.flush();
        } catch (ConstraintViolationException e) {
            // what a repository's flush would throw (Spring translates only around repositories): the controller
            // answers a retry that raced its first attempt on the idempotency key from it (BadInputTest)
            throw new DataIntegrityViolationException(e.getMessage(), e);
        }
    }
}
