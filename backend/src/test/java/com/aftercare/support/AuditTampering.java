package com.aftercare.support;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tampers with audit_log behind the application's back (plain SQL, as someone with database access
 * would) and puts every row back exactly as it was on close, so the shared test database keeps an
 * intact chain for the other tests.
 */
public final class AuditTampering {

    private static final String COLUMNS = "seq, occurred_at, actor, entity_type, entity_id, action, changes, customer_id, ticket_id, "
            + "prev_hash, entry_hash";

    private final JdbcTemplate jdbc;

    public AuditTampering(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long headSeq() {
        return jdbc.queryForObject("select last_seq from audit_chain_head where id = 1", Long.class);
    }

    public String headHash() {
        return jdbc.queryForObject("select last_hash from audit_chain_head where id = 1", String.class);
    }

    public Map<String, Object> row(long seq) {
        return jdbc.queryForMap("select " + COLUMNS + " from audit_log where seq = ?", seq);
    }

    /** Entries appended after {@code seq}, oldest first. */
    public List<Map<String, Object>> entriesAfter(long seq) {
        return jdbc.queryForList("select " + COLUMNS + " from audit_log where seq > ? order by seq", seq);
    }

    /** UPDATE one column of one row; closing writes the old value back. */
    public Undo update(long seq, String column, Object value) {
        Object old = jdbc.queryForObject("select " + column + " from audit_log where seq = ?", Object.class, seq);
        if (jdbc.update("update audit_log set " + column + " = ? where seq = ?", value, seq) != 1) {
            throw new IllegalStateException("no audit row " + seq);
        }
        return () -> jdbc.update("update audit_log set " + column + " = ? where seq = ?", old, seq);
    }

    /** DELETE one row; closing inserts it again, unchanged. */
    public Undo delete(long seq) {
        Map<String, Object> row = row(seq);
        jdbc.update("delete from audit_log where seq = ?", seq);
        return () -> jdbc.update("insert into audit_log (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("seq"), asOffsetDateTime(row.get("occurred_at")), row.get("actor"), row.get("entity_type"), row.get("entity_id"),
                row.get("action"), row.get("changes"), row.get("customer_id"), row.get("ticket_id"), row.get("prev_hash"),
                row.get("entry_hash"));
    }

    /** Sets the chain head's hash; closing restores it. */
    public Undo setHeadHash(String hash) {
        String old = headHash();
        jdbc.update("update audit_chain_head set last_hash = ? where id = 1", hash);
        return () -> jdbc.update("update audit_chain_head set last_hash = ? where id = 1", old);
    }

    private static Object asOffsetDateTime(Object value) {
        if (value instanceof java.sql.Timestamp ts) {
            return OffsetDateTime.ofInstant(ts.toInstant(), java.time.ZoneOffset.UTC);
        }
        return value;
    }

    /** Puts back what a tampering changed. */
    @FunctionalInterface
    public interface Undo extends AutoCloseable {
        @Override
        void close();
    }
}
