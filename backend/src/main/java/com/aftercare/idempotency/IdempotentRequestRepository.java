package com.aftercare.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The requests remembered by their Idempotency-Key. Written with plain SQL on purpose: the insert must
 * reach the database at once, so a concurrent twin of the request waits on the key's unique index
 * (and then fails with a duplicate key) before it does any work of its own.
 */
@Repository
class IdempotentRequestRepository {

    record Row(String fingerprint, String caller, int responseStatus) {
    }

    private final JdbcTemplate jdbc;

    IdempotentRequestRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String scope, String key) {
        List<Row> rows = jdbc.query("select fingerprint, caller, response_status from idempotent_request where scope = ? and idempotency_key = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3)), scope, key);
        return rows.stream().findFirst();
    }

    /** Throws DuplicateKeyException (a DataIntegrityViolationException) when the key is already taken. */
    void insert(String scope, String key, Row row, Instant now) {
        jdbc.update("insert into idempotent_request (scope, idempotency_key, fingerprint, caller, response_status, created_at) values (?, ?, ?, ?, ?, ?)",
                scope, key, row.fingerprint(), row.caller(), row.responseStatus(), Timestamp.from(now));
    }
}
