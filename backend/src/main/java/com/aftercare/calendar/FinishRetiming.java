package com.aftercare.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 * instead of re-timing those cases a second time. A batch that fails stops the run and leaves the row owed: its claim
 * lapses and a node tries again from the same cursor, so the cases before it are not re-timed twice and those after it
 * are not forgotten.
 */
@Service
public class FinishRetiming {

    private static final Logger log = LoggerFactory.getLogger(FinishRetiming.class);
    /** How long a claim holds without a batch renewing it; a batch of 200 cases takes seconds. */
    static final Duration LEASE = Duration.ofMinutes(2);

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

    /** How many cases the re-timing moved in all its runs, and whether it is done (else it is still owed). */
    public record Outcome(int retimed, boolean finished) {
    }

    Instant leaseEnd() {
        return clock.instant().plus(LEASE);
    }

    /** Finishes a re-timing claimed by {@link RecoverOwedRetiming}, on the change its row describes. */
    Outcome finish(OwedRetimings.Owed row) {
        return finish(row, holidays.changeOf(row.year(), row.beforeJson(), row.afterJson()));
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
                        log.info("Open cases re-timed on the {} holidays: {}", change.year(), owed.retimed(row.id()));
                    }
                    return new Outcome(owed.retimed(row.id()), owed.finished(row.id()));
                }
                long to = ids.get(ids.size() - 1);
                Boolean kept = writing.execute(s -> {
                    if (!owed.advance(row, from, to, leaseEnd())) {
                        return false; // nothing written yet in this transaction
                    }
                    owed.count(row, deadlines.retime(ids, change, false));
                    return true;
                });
                if (!Boolean.TRUE.equals(kept)) {
                    log.warn("Re-timing of open cases on the {} holidays was taken over by another node after case {}",
                            change.year(), from);
                    // whoever holds it now may already have finished: say so rather than "still owed"
                    return new Outcome(owed.retimed(row.id()), owed.finished(row.id()));
                }
                cursor = to;
            } catch (RuntimeException e) {
                log.error("Could not re-time open cases after case {} on the {} holidays; another try follows when the "
                        + "claim lapses ({})", from, change.year(), LEASE, e);
                return new Outcome(owed.retimed(row.id()), false);
            }
        }
    }
}
