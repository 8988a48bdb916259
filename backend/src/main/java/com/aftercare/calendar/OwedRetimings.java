package com.aftercare.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The re-timings imports owe the open cases (holiday_retiming, ADR 0078). A row is written in the import's transaction
 * and claimed there by the importing node; whoever runs it later must hold its claim: every step is a conditional
 * update on (id, claim_token), so of two nodes only one can move it, on H2 and PostgreSQL alike, without SELECT ... FOR
 * UPDATE SKIP LOCKED (as {@code notify.DeliveryWorker} claims a delivery).
 */
@Repository
class OwedRetimings {

    /** One owed re-timing as the runner needs it. */
    record Owed(long id, int year, String beforeJson, String afterJson, long afterTicketId, int retimed, String claim) {
    }

    private final JdbcTemplate jdbc;

    OwedRetimings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records, in the caller's (the import's) transaction, a re-timing owed and claimed by the caller until {@code until}. */
    Owed record(int year, String beforeJson, String afterJson, Instant importedAt, String importedBy, Instant until) {
        String claim = UUID.randomUUID().toString();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("""
                    insert into holiday_retiming (calendar_year, before_json, after_json, imported_at, imported_by,
                        after_ticket_id, retimed, claim_token, claimed_until) values (?, ?, ?, ?, ?, 0, 0, ?, ?)""",
                    new String[] {"id"});
            s.setInt(1, year);
            s.setString(2, beforeJson);
            s.setString(3, afterJson);
            s.setTimestamp(4, Timestamp.from(importedAt));
            s.setString(5, importedBy);
            s.setString(6, claim);
            s.setTimestamp(7, Timestamp.from(until));
            return s;
        }, key);
        return new Owed(key.getKey().longValue(), year, beforeJson, afterJson, 0, 0, claim);
    }

    /** Unfinished rows whose claim lapsed (the node that held it stopped or gave up), oldest first. */
    List<Long> lapsed(Instant now) {
        return jdbc.queryForList("""
                select id from holiday_retiming where finished_at is null and (claimed_until is null or claimed_until < ?)
                order by id""", Long.class, Timestamp.from(now));
    }

    /** Takes a lapsed row for this caller; empty when another node took it first. */
    Optional<Owed> claim(long id, Instant now, Instant until) {
        String claim = UUID.randomUUID().toString();
        int won = jdbc.update("""
                update holiday_retiming set claim_token = ?, claimed_until = ?
                where id = ? and finished_at is null and (claimed_until is null or claimed_until < ?)""",
                claim, Timestamp.from(until), id, Timestamp.from(now));
        if (won != 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.queryForObject("""
                select id, calendar_year, before_json, after_json, after_ticket_id, retimed, claim_token
                from holiday_retiming where id = ?""",
                (r, n) -> new Owed(r.getLong(1), r.getInt(2), r.getString(3), r.getString(4), r.getLong(5), r.getInt(6),
                        r.getString(7)), id));
    }

    /**
     * Moves the row's cursor from {@code from} to {@code to} and renews the claim, in the transaction that re-times the
     * cases up to {@code to}; false when the claim is no longer the caller's (it lapsed and another node took over) or
     * the cursor moved meanwhile: that transaction must then roll back, or its cases would be re-timed twice. The update
     * also locks the row until that transaction ends, so a node taking over waits for it.
     */
    boolean advance(Owed owed, long from, long to, Instant until) {
        return jdbc.update("""
                update holiday_retiming set after_ticket_id = ?, claimed_until = ?
                where id = ? and claim_token = ? and after_ticket_id = ? and finished_at is null""",
                to, Timestamp.from(until), owed.id(), owed.claim(), from) == 1;
    }

    /** Adds a batch's re-timed cases to the count, in the batch's transaction (after {@link #advance}). */
    void count(Owed owed, int retimed) {
        jdbc.update("update holiday_retiming set retimed = retimed + ? where id = ?", retimed, owed.id());
    }

    /** Marks the row done (no candidate left after the cursor); false if the claim was lost. */
    boolean finish(Owed owed, long cursor, Instant now) {
        return jdbc.update("""
                update holiday_retiming set finished_at = ?, claim_token = null, claimed_until = null
                where id = ? and claim_token = ? and after_ticket_id = ? and finished_at is null""",
                Timestamp.from(now), owed.id(), owed.claim(), cursor) == 1;
    }

    /** How many cases the row's runs re-timed so far. */
    int retimed(long id) {
        return jdbc.queryForObject("select retimed from holiday_retiming where id = ?", Integer.class, id);
    }

    /** Whether the row is done (by whichever node). */
    boolean finished(long id) {
        return jdbc.queryForObject("select count(*) from holiday_retiming where id = ? and finished_at is not null",
                Integer.class, id) == 1;
    }

    /** The years with a re-timing owed and not finished, for the calendar's page. */
    List<Integer> pendingYears() {
        return jdbc.queryForList("""
                select distinct calendar_year from holiday_retiming where finished_at is null order by calendar_year""",
                Integer.class);
    }
}
