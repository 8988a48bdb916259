package com.aftercare.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an owed re-timing to its end under its claim (ADR 0078): the importing node right after the import's commit,
 * or {@link RecoverOwedRetiming} on any node once the claim lapsed.
 * <p>
 * Each batch is one transaction that first moves the row's cursor under the claim (a conditional update, which also
 * locks the row) and then writes the cases' timeline lines and POLICY milestones: a crash loses a whole batch or
 * nothing, and a node that lost its claim (it stalled past {@link #LEASE}, another took over) rolls its batch back
 * instead of re-timing those cases a second time.
 * <p>
 * A batch that fails is tried again case by case, each case in a transaction of its own that moves the cursor onto it
 * (ADR 0083): a case that fails alone is recorded (holiday_retiming_skipped, with the error) and stepped over, so one
 * case with broken data does not keep the rest of the year's cases on their old deadlines; the page lists it for a
 * supervisor to check by hand. When every case of a batch of several fails alone, the cause is not the cases: the run
 * fails as a whole. A run that fails as a whole leaves the row owed, its claim lapses and a node tries again from the
 * same cursor, up to {@link #ATTEMPTS} runs at that cursor; then the row is given up and the page says so.
 */
@Service
public class FinishRetiming {

    private static final Logger log = LoggerFactory.getLogger(FinishRetiming.class);
    /** How long a claim holds without a batch renewing it; a batch of 200 cases takes seconds. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /**
     * Runs that may begin at the same cursor (the import's own run is the first) before the re-timing is given up: with
     * a lease between them about ten minutes of trying, long enough for a database restart or a failover, as many as a
     * notification delivery gets (aftercare.notify.max-attempts).
     */
    static final int ATTEMPTS = 5;

    private final OwedRetimings owed;
    private final OpenCaseDeadlines deadlines;
    private final HolidayService holidays;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    FinishRetiming(OwedRetimings owed, OpenCaseDeadlines deadlines, HolidayService holidays, Clock clock,
            PlatformTransactionManager transactions) {
        this.owed = owed;
        this.deadlines = deadlines;
        this.holidays = holidays;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /**
     * How many cases the re-timing moved in all its runs, how many it could not move (skipped, listed on the page), and
     * whether it is done (else it is still owed, or given up).
     */
    public record Outcome(int retimed, int notRetimed, boolean finished) {
    }

    Instant leaseEnd() {
        return clock.instant().plus(LEASE);
    }

    /** Finishes a re-timing claimed by {@link RecoverOwedRetiming}, on the change its row describes. */
    Outcome finish(OwedRetimings.Owed row) {
        HolidayChange change;
        try {
            change = holidays.changeOf(row.year(), row.beforeJson(), row.afterJson());
        } catch (RuntimeException e) {
            return failed(row, row.year(), row.afterTicketId(), e);
        }
        return finish(row, change);
    }

    Outcome finish(OwedRetimings.Owed row, HolidayChange change) {
        long cursor = row.afterTicketId();
        while (true) {
            long from = cursor;
            try {
                List<Long> ids = reading.execute(s -> deadlines.candidates(change, from));
                if (ids == null || ids.isEmpty()) {
                    Boolean done = writing.execute(s -> owed.finish(row, from, clock.instant()));
                    if (Boolean.TRUE.equals(done)) {
                        log.info("Open cases re-timed on the {} holidays: {}, not re-timed: {}", change.year(),
                                owed.retimed(row.id()), owed.skipped(row.id()));
                    }
                    return outcome(row);
                }
                long to = ids.get(ids.size() - 1);
                Boolean kept;
                try {
                    kept = writing.execute(s -> {
                        if (!owed.advance(row, from, to, leaseEnd())) {
                            return false; // nothing written yet in this transaction
                        }
                        owed.count(row, deadlines.retime(ids, change, false));
                        return true;
                    });
                } catch (RuntimeException batchFailed) {
                    log.warn("Could not re-time open cases {}..{} on the {} holidays together; trying them one by one",
                            ids.get(0), to, change.year(), batchFailed);
                    kept = oneByOne(row, change, ids, from);
                }
                if (!Boolean.TRUE.equals(kept)) {
                    log.warn("Re-timing of open cases on the {} holidays was taken over by another node after case {}",
                            change.year(), from);
                    // whoever holds it now may already have finished: say so rather than "still owed"
                    return outcome(row);
                }
                cursor = to;
            } catch (RuntimeException e) {
                return failed(row, change.year(), from, e);
            }
        }
    }

    /**
     * A failed batch again, case by case. First each case is replayed alone in a transaction rolled back (a probe), to
     * tell its own failure from a shared one: when every case of several fails alone, the cause is something they share
     * (the database, the engine) and the run fails as a whole, skipping nobody. Then each case in a transaction of its
     * own that moves the cursor onto it: re-timed, or, for one that failed alone, recorded and stepped over (moving the
     * cursor in the transaction that records it, a take-over neither skips nor re-times it twice). False when the claim
     * was lost.
     */
    private boolean oneByOne(OwedRetimings.Owed row, HolidayChange change, List<Long> ids, long from) {
        Map<Long, RuntimeException> failing = new HashMap<>();
        for (long id : ids) {
            try {
                writing.executeWithoutResult(s -> {
                    deadlines.retime(List.of(id), change, false);
                    s.setRollbackOnly();
                });
            } catch (RuntimeException e) {
                failing.put(id, e);
            }
        }
        if (ids.size() > 1 && failing.size() == ids.size()) {
            throw new IllegalStateException("each of the " + ids.size() + " cases failed alone too",
                    failing.get(ids.get(0)));
        }
        long previous = from;
        for (long id : ids) {
            long after = previous;
            RuntimeException failure = failing.get(id);
            Boolean kept = writing.execute(s -> {
                if (!owed.advance(row, after, id, leaseEnd())) {
                    return false;
                }
                if (failure == null) {
                    owed.count(row, deadlines.retime(List.of(id), change, false));
                } else {
                    owed.skip(row, id, RetimingFailure.of(failure), describe(failure), clock.instant());
                }
                return true;
            });
            if (!Boolean.TRUE.equals(kept)) {
                return false;
            }
            if (failure != null) {
                log.error("Could not re-time open case {} on the {} holidays; skipped it (listed on the working calendar's "
                        + "page for a supervisor to check its deadlines)", id, change.year(), failure);
            }
            previous = id;
        }
        return true;
    }

    private Outcome failed(OwedRetimings.Owed row, int year, long from, RuntimeException e) {
        boolean gaveUp;
        try {
            gaveUp = Boolean.TRUE.equals(writing.execute(s -> owed.failed(row, RetimingFailure.of(e), describe(e), clock.instant(), ATTEMPTS)));
        } catch (RuntimeException notRecorded) {
            e.addSuppressed(notRecorded);
            gaveUp = false;
        }
        if (gaveUp) {
            log.error("Could not re-time open cases after case {} on the {} holidays; gave up after {} attempts at that "
                    + "point (the working calendar's page says so; an admin can try again there)", from, year, ATTEMPTS, e);
        } else {
            log.error("Could not re-time open cases after case {} on the {} holidays; another try follows when the "
                    + "claim lapses ({})", from, year, LEASE, e);
        }
        return new Outcome(owed.retimed(row.id()), owed.skipped(row.id()), false);
    }

    private Outcome outcome(OwedRetimings.Owed row) {
        return new Outcome(owed.retimed(row.id()), owed.skipped(row.id()), owed.finished(row.id()));
    }

    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.toString();
    }
}
