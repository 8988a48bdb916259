package com.aftercare.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Appends a transaction's changes to the chain, on the transaction's own connection, right before it
 * commits. The chain head row is locked first (an UPDATE, which waits for any other writer to commit
 * and then works on its committed values, the same on H2 and PostgreSQL), so entries of concurrent
 * transactions never interleave and each links to the one before. The lock is held only from here to
 * the commit: a few inserts.
 */
class AuditChainWriter {

    /** Its own mapper: the application's leaves out nulls, and "before": null is information here. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RESERVE = "update audit_chain_head set last_seq = last_seq + ? where id = 1";
    private static final String HEAD = "select last_seq, last_hash from audit_chain_head where id = 1";
    private static final String INSERT_COLUMNS = """
            insert into audit_log (seq, occurred_at, actor, entity_type, entity_id, action, changes, customer_id, ticket_id,
                                   prev_hash, entry_hash)""";
    private static final int COLUMNS = 11;
    private static final String ROW_PLACEHOLDERS = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT = INSERT_COLUMNS + " values " + ROW_PLACEHOLDERS;
    /**
     * Entries written with the head's hash in one statement at most; a transaction with more (a contract rolled out to
     * hundreds of cases) sends them as a batch, well under PostgreSQL's 65,535 parameters per statement.
     */
    static final int MOST_ROWS_WITH_HEAD = 64;
    private static final String SET_HASH = "update audit_chain_head set last_hash = ? where id = 1";
    /** {@link #RESERVE} and {@link #HEAD} in one statement, where the database can say so. */
    private static final String RESERVE_RETURNING_POSTGRES = RESERVE + " returning last_seq, last_hash";
    private static final String RESERVE_RETURNING_H2 = "select last_seq, last_hash from final table (" + RESERVE + ")";
    private static final String SITE_CUSTOMER = "select customer_id from site where id = ?";
    private static final String TICKET_CUSTOMER = "select s.customer_id from ticket t join site s on s.id = t.site_id where t.id = ?";

    private final Clock clock;
    private final ObjectProvider<MeterRegistry> meters;
    /** The database's one-statement form of reserve-and-read, "" where there is none; null until the first append. */
    private volatile String reserveAndRead;
    private volatile Timer appendTimer;
    private volatile Timer lockTimer;

    AuditChainWriter(Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Chains the changes. Timed as {@code aftercare.audit.append} (all of it) and
     * {@code aftercare.audit.lock} (taking the chain head: the wait for other writers shows here).
     */
    void append(Connection connection, List<PendingChange> changes) throws SQLException {
        long start = System.nanoTime();
        long locked = appendChained(connection, changes);
        long end = System.nanoTime();
        if (appendTimer == null && meters.getIfAvailable() != null) {
            MeterRegistry registry = meters.getIfAvailable();
            appendTimer = Timer.builder("aftercare.audit.append").description("Chaining a transaction's audit entries")
                    .register(registry);
            lockTimer = Timer.builder("aftercare.audit.lock").description("Taking the audit chain head (waiting for other writers)")
                    .register(registry);
        }
        if (appendTimer != null) {
            appendTimer.record(end - start, TimeUnit.NANOSECONDS);
            lockTimer.record(locked, TimeUnit.NANOSECONDS);
        }
    }

    /** The one-statement reserve-and-read for this connection's database, or null (then two statements). */
    private String reserveAndRead(Connection connection) throws SQLException {
        String sql = reserveAndRead;
        if (sql == null) {
            String product = connection.getMetaData().getDatabaseProductName();
            sql = switch (product) {
                case "PostgreSQL" -> RESERVE_RETURNING_POSTGRES;
                case "H2" -> RESERVE_RETURNING_H2;
                default -> "";
            };
            reserveAndRead = sql;
        }
        return sql.isEmpty() ? null : sql;
    }

    /** Returns the nanoseconds spent taking the chain head. */
    private long appendChained(Connection connection, List<PendingChange> changes) throws SQLException {
        // owner lookups first: they need no lock
        Map<String, Long> owners = new HashMap<>();
        // sites the transaction already held: their customer as the session has it, no query (ADR 0095)
        for (PendingChange c : changes) {
            PendingChange.SiteOwner held = c.siteOwner();
            if (held != null && Long.valueOf(held.siteId()).equals(asLong(c.current(AuditedTables.spec(c.table).orElseThrow().ownerColumn())))) {
                owners.put("site#" + held.siteId(), held.customerId());
            }
        }
        knownTicketOwners(connection, changes, owners);
        Long[] customer = new Long[changes.size()];
        Long[] ticket = new Long[changes.size()];
        String[] json = new String[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            PendingChange c = changes.get(i);
            AuditedTables.Spec spec = AuditedTables.spec(c.table).orElseThrow();
            customer[i] = owner(connection, spec, c, owners);
            ticket[i] = spec.ticketColumn() == null ? null : asLong(c.current(spec.ticketColumn()));
            json[i] = toJson(c.changes());
        }

        long last;
        String previous;
        long lockStart = System.nanoTime();
        String reserveAndRead = reserveAndRead(connection);
        long lockNanos;
        if (reserveAndRead != null) {
            // one statement takes the head and reads what it now holds (ADR 0062): the same UPDATE and lock as below
            try (PreparedStatement reserve = connection.prepareStatement(reserveAndRead)) {
                reserve.setLong(1, changes.size());
                try (ResultSet rs = reserve.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("audit_chain_head has no row: the audit trail cannot be written");
                    }
                    lockNanos = System.nanoTime() - lockStart;
                    last = rs.getLong(1);
                    previous = rs.getString(2);
                }
            }
        } else {
            try (PreparedStatement reserve = connection.prepareStatement(RESERVE)) {
                reserve.setLong(1, changes.size());
                if (reserve.executeUpdate() != 1) {
                    throw new IllegalStateException("audit_chain_head has no row: the audit trail cannot be written");
                }
            }
            lockNanos = System.nanoTime() - lockStart;
            try (PreparedStatement head = connection.prepareStatement(HEAD); ResultSet rs = head.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
                previous = rs.getString(2);
            }
        }
        long seq = last - changes.size();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        Row[] rows = new Row[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            PendingChange c = changes.get(i);
            seq++;
            AuditHash.Fields fields = new AuditHash.Fields(seq, now, c.actor, c.table, c.entityId, c.action().name(), json[i],
                    customer[i], ticket[i], previous);
            String hash = AuditHash.of(fields);
            rows[i] = new Row(fields, at, hash);
            previous = hash;
        }
        if (RESERVE_RETURNING_POSTGRES.equals(reserveAndRead) && rows.length <= MOST_ROWS_WITH_HEAD) {
            insertWithHead(connection, rows, previous);
        } else {
            insertThenHead(connection, rows, previous);
        }
        return lockNanos;
    }

    /** The entries as one JDBC batch, then the head's new hash: two round trips while the head is held. */
    private static void insertThenHead(Connection connection, Row[] rows, String lastHash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Row row : rows) {
                row.bind(insert, 0);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement head = connection.prepareStatement(SET_HASH)) {
            head.setString(1, lastHash);
            head.executeUpdate();
        }
    }

    /**
     * PostgreSQL: the entries and the head's new hash in one statement (ADR 0093), one round trip fewer while
     * every other writer waits for the head. A data-modifying WITH runs to completion whether or not the statement
     * reads it, in the same snapshot and transaction as the update.
     */
    private static void insertWithHead(Connection connection, Row[] rows, String lastHash) throws SQLException {
        StringBuilder sql = new StringBuilder("with entries as (").append(INSERT_COLUMNS).append(" values ");
        for (int i = 0; i < rows.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW_PLACEHOLDERS);
        }
        sql.append(") ").append(SET_HASH);
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < rows.length; i++) {
                rows[i].bind(statement, i * COLUMNS);
            }
            statement.setString(rows.length * COLUMNS + 1, lastHash);
            statement.executeUpdate();
        }
    }

    /** One entry as it is written: the hashed fields, their time as the column takes it, and the entry's hash. */
    private record Row(AuditHash.Fields fields, OffsetDateTime at, String hash) {

        /** The entry's eleven values, from parameter {@code offset + 1} on, in the order of the insert's columns. */
        void bind(PreparedStatement statement, int offset) throws SQLException {
            statement.setLong(offset + 1, fields.seq());
            statement.setObject(offset + 2, at);
            statement.setString(offset + 3, fields.actor());
            statement.setString(offset + 4, fields.entityType());
            statement.setString(offset + 5, fields.entityId());
            statement.setString(offset + 6, fields.action());
            statement.setString(offset + 7, fields.changes());
            setLong(statement, offset + 8, fields.customerId());
            setLong(statement, offset + 9, fields.ticketId());
            statement.setString(offset + 10, fields.prevHash());
            statement.setString(offset + 11, hash);
        }
    }

    /**
     * A ticket written in this transaction (a fault report inserts one, then its timeline lines, milestones and warranty
     * assessment) is owned by the customer of the site its row now names: exactly what {@link #TICKET_CUSTOMER} would
     * read back, so its children are resolved from the site lookup the ticket's own entry needs anyway, one query
     * fewer per report (ADR 0062). A deleted ticket is left to the query, as before.
     */
    private static void knownTicketOwners(Connection connection, List<PendingChange> changes, Map<String, Long> cache)
            throws SQLException {
        for (PendingChange c : changes) {
            if (!"ticket".equals(c.table) || c.action() == PendingChange.Action.DELETE) {
                continue;
            }
            Long site = asLong(c.current("site_id"));
            Long ticketId = asLong(c.entityId);
            if (site != null && ticketId != null) {
                cache.put("ticket#" + ticketId, lookup(connection, SITE_CUSTOMER, site, "site", cache));
            }
        }
    }

    private static Long owner(Connection connection, AuditedTables.Spec spec, PendingChange c, Map<String, Long> cache)
            throws SQLException {
        if (spec.ownerRule() == AuditedTables.OwnerRule.NONE) {
            return null;
        }
        Long key = asLong(c.current(spec.ownerColumn()));
        if (key == null) {
            return null;
        }
        return switch (spec.ownerRule()) {
            case COLUMN -> key;
            case VIA_SITE -> lookup(connection, SITE_CUSTOMER, key, "site", cache);
            case VIA_TICKET -> lookup(connection, TICKET_CUSTOMER, key, "ticket", cache);
            case NONE -> null;
        };
    }

    private static Long lookup(Connection connection, String sql, Long key, String kind, Map<String, Long> cache) throws SQLException {
        String cacheKey = kind + "#" + key;
        if (cache.containsKey(cacheKey)) {
            return cache.get(cacheKey);
        }
        Long found = null;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, key);
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    found = rs.getLong(1);
                    if (rs.wasNull()) {
                        found = null;
                    }
                }
            }
        }
        cache.put(cacheKey, found);
        return found;
    }

    private static Long asLong(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.valueOf(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit changes are plain values", e);
        }
    }
}
