package com.aftercare.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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

    /** Unfinished rows, not given up, whose claim lapsed (the node that held it stopped or failed), oldest first. */
    List<Long> lapsed(Instant now) {
        return jdbc.queryForList("""
                select id from holiday_retiming where finished_at is null and given_up_at is null
                  and (claimed_until is null or claimed_until < ?)
                order by id""", Long.class, Timestamp.from(now));
    }

    /**
     * Takes a lapsed row for this caller as its next attempt at the same cursor; empty when another node took it first,
     * or when {@code maxAttempts} runs began at this cursor already (see {@link #giveUpStalled}).
     */
    Optional<Owed> claim(long id, Instant now, Instant until, int maxAttempts) {
        String claim = UUID.randomUUID().toString();
        int won = jdbc.update("""
                update holiday_retiming set claim_token = ?, claimed_until = ?, attempts = attempts + 1
                where id = ? and finished_at is null and given_up_at is null and attempts < ?
                  and (claimed_until is null or claimed_until < ?)""",
                claim, Timestamp.from(until), id, maxAttempts, Timestamp.from(now));
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
        // a step forward: this run is the first at the new cursor (ADR 0083 counts attempts per cursor)
        return jdbc.update("""
                update holiday_retiming set after_ticket_id = ?, claimed_until = ?, attempts = 1
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

    /**
     * Records a case the run could not re-time (its replay or its milestone failed on its own) and steps past it, in the
     * transaction that moves the cursor onto it ({@link #advance} first).
     */
    void skip(Owed owed, long ticketId, RetimingFailure kind, String reason, Instant now) {
        jdbc.update("""
                insert into holiday_retiming_skipped (retiming_id, ticket_id, reason_code, reason, skipped_at)
                values (?, ?, ?, ?, ?)""",
                owed.id(), ticketId, kind.name(), truncate(reason), Timestamp.from(now));
    }

    /**
     * A run under this claim failed as a whole: the error is kept, and when {@code maxAttempts} runs began at this cursor
     * the row is given up (no node takes it again until an admin asks, {@link #retry}); true when it was given up. The
     * claim is otherwise left to lapse, so the next attempt comes a lease later, not at the next look.
     */
    boolean failed(Owed owed, RetimingFailure kind, String error, Instant now, int maxAttempts) {
        jdbc.update("""
                update holiday_retiming set last_error = ?, last_error_code = ?
                where id = ? and claim_token = ? and finished_at is null""",
                truncate(error), kind.name(), owed.id(), owed.claim());
        return jdbc.update("""
                update holiday_retiming set given_up_at = ?, claim_token = null, claimed_until = null
                where id = ? and claim_token = ? and finished_at is null and attempts >= ?""",
                Timestamp.from(now), owed.id(), owed.claim(), maxAttempts) == 1;
    }

    /**
     * Gives up a lapsed row whose last {@code maxAttempts} runs all stopped without a word (each took the claim and
     * never finished, failed or moved the cursor: the node died in it); true when this call gave it up.
     */
    boolean giveUpStalled(long id, Instant now, int maxAttempts) {
        return jdbc.update("""
                update holiday_retiming set given_up_at = ?, claim_token = null, claimed_until = null,
                    last_error = coalesce(last_error, ?), last_error_code = coalesce(last_error_code, ?)
                where id = ? and finished_at is null and given_up_at is null and attempts >= ?
                  and (claimed_until is null or claimed_until < ?)""",
                Timestamp.from(now), "%d runs stopped at this point without finishing (the node stopped?)".formatted(
                        maxAttempts), RetimingFailure.NODE_STOPPED.name(), id, maxAttempts, Timestamp.from(now)) == 1;
    }

    /**
     * An admin asks for another try at a given-up row: it is owed again with a fresh count of attempts, and the next
     * look of any node takes it; false when the row is not given up (finished, still owed, or unknown).
     */
    boolean retry(long id) {
        return jdbc.update("""
                update holiday_retiming set given_up_at = null, attempts = 0, claim_token = null, claimed_until = null
                where id = ? and given_up_at is not null and finished_at is null""", id) == 1;
    }

    /** How many cases the row's runs skipped so far. */
    int skipped(long id) {
        return jdbc.queryForObject("select count(*) from holiday_retiming_skipped where retiming_id = ?", Integer.class, id);
    }

    /** A case a run skipped and nobody has re-timed since: why (the kind only; the text is for the log) and when. */
    record Skip(long ticketId, RetimingFailure reason, Instant skippedAt) {
    }

    /** One re-timing as the working calendar's page shows it when a person has something to do about it. */
    record Trouble(long id, int year, Instant importedAt, int retimed, boolean givenUp, boolean finished,
            RetimingFailure givenUpBecause, List<Skip> skipped) {
    }

    /**
     * The re-timings given up, and every re-timing with skipped cases not re-timed since (the caller keeps those still
     * open), oldest first.
     */
    List<Trouble> troubles() {
        Map<Long, List<Skip>> skipped = new HashMap<>();
        jdbc.query("""
                select retiming_id, ticket_id, reason_code, skipped_at from holiday_retiming_skipped
                where resolved_at is null order by retiming_id, ticket_id""",
                (RowCallbackHandler) r -> skipped.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                        .add(new Skip(r.getLong(2), RetimingFailure.named(r.getString(3)), r.getTimestamp(4).toInstant())));
        return jdbc.query("""
                select id, calendar_year, imported_at, retimed, given_up_at, finished_at, last_error_code
                from holiday_retiming where given_up_at is not null
                   or id in (select retiming_id from holiday_retiming_skipped where resolved_at is null)
                order by id""",
                (r, n) -> new Trouble(r.getLong(1), r.getInt(2), r.getTimestamp(3).toInstant(), r.getInt(4),
                        r.getTimestamp(5) != null, r.getTimestamp(6) != null,
                        r.getTimestamp(5) != null ? RetimingFailure.named(r.getString(7)) : null,
                        skipped.getOrDefault(r.getLong(1), List.of())));
    }

    /** A case a re-timing skipped, as an admin's re-time of it needs it. */
    record SkippedCase(long retimingId, int year, long ticketId, boolean resolved) {
    }

    Optional<SkippedCase> skippedCase(long retimingId, long ticketId) {
        return jdbc.query("""
                select r.id, r.calendar_year, s.ticket_id, s.resolved_at from holiday_retiming_skipped s
                join holiday_retiming r on r.id = s.retiming_id where s.retiming_id = ? and s.ticket_id = ?""",
                (x, n) -> new SkippedCase(x.getLong(1), x.getInt(2), x.getLong(3), x.getTimestamp(4) != null),
                retimingId, ticketId).stream().findFirst();
    }

    /**
     * Marks the skipped case re-timed, in the transaction that re-times it; false when it already is (another click, or
     * another admin, was first: the update waits for that transaction's row lock and then finds nothing to change).
     */
    boolean resolve(long retimingId, long ticketId, String by, Instant now) {
        return jdbc.update("""
                update holiday_retiming_skipped set resolved_at = ?, resolved_by = ?
                where retiming_id = ? and ticket_id = ? and resolved_at is null""",
                Timestamp.from(now), by, retimingId, ticketId) == 1;
    }

    /**
     * The year as it was before the earliest import of it that skipped the case and whose skip nobody re-timed: the
     * calendar the case's deadlines were last computed on (later imports that skipped it again left them so). Called
     * before {@link #resolve}; null inside when the year had no days then.
     */
    Optional<String> beforeOfEarliestSkip(int year, long ticketId) {
        List<String> before = jdbc.query("""
                select r.before_json from holiday_retiming r join holiday_retiming_skipped s on s.retiming_id = r.id
                where r.calendar_year = ? and s.ticket_id = ? and s.resolved_at is null order by r.id""",
                (r, n) -> r.getString(1), year, ticketId);
        return before.isEmpty() ? Optional.empty() : Optional.ofNullable(before.get(0));
    }

    /** Marks the case's other skips of the same year re-timed too (earlier imports that skipped it; not listed). */
    void resolveOthers(int year, long ticketId, String by, Instant now) {
        jdbc.update("""
                update holiday_retiming_skipped set resolved_at = ?, resolved_by = ?
                where ticket_id = ? and resolved_at is null
                  and retiming_id in (select id from holiday_retiming where calendar_year = ?)""",
                Timestamp.from(now), by, ticketId, year);
    }

    /** An admin's re-time failed again: the skip carries that failure now (in a transaction of its own). */
    void failedAgain(long retimingId, long ticketId, RetimingFailure kind, String reason, Instant now) {
        jdbc.update("""
                update holiday_retiming_skipped set reason_code = ?, reason = ?, skipped_at = ?
                where retiming_id = ? and ticket_id = ? and resolved_at is null""",
                kind.name(), truncate(reason), Timestamp.from(now), retimingId, ticketId);
    }

    private static String truncate(String text) {
        String s = text == null ? "" : text;
        return s.length() <= 2000 ? s : s.substring(0, 2000);
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

    /** The years with a re-timing owed, not finished and not given up, for the calendar's page. */
    List<Integer> pendingYears() {
        return jdbc.queryForList("""
                select distinct calendar_year from holiday_retiming where finished_at is null and given_up_at is null
                order by calendar_year""",
                Integer.class);
    }
}
