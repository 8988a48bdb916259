package com.aftercare.calendar;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.common.ConflictException;
import com.aftercare.common.NotFoundException;

/**
 * An admin re-times a case a holiday import skipped, once its cause is mended (ADR 0086): a contract's time zone
 * corrected, a conflict passed, the database back. The case is replayed from the calendar it was last timed on (the
 * year before the earliest import that skipped it) to the calendar now in force, and moved as the import would have
 * moved it (a timeline line and a POLICY milestone, only when a deadline differs); then it is no longer listed.
 * <p>
 * Once only: the skip is marked in the transaction that re-times the case by a conditional update, so of two clicks at
 * once (or two admins) the second waits for the first's row lock and is answered 409, and the case gets one line. A
 * case closed meanwhile is answered 409 saying so (its deadlines no longer run). A case that still fails is answered
 * 409, nothing written on it, and its skip now carries the new failure, so the page says why again.
 */
@Service
public class RetimeSkippedCase {

    private static final Logger log = LoggerFactory.getLogger(RetimeSkippedCase.class);

    private final OwedRetimings owed;
    private final OpenCaseDeadlines deadlines;
    private final HolidayService holidays;
    private final Clock clock;
    private final TransactionTemplate writing;

    RetimeSkippedCase(OwedRetimings owed, OpenCaseDeadlines deadlines, HolidayService holidays, Clock clock,
            PlatformTransactionManager transactions) {
        this.owed = owed;
        this.deadlines = deadlines;
        this.holidays = holidays;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
    }

    /** The case re-timed: its number, and whether a deadline moved (false: the new calendar does not change them). */
    public record Retimed(long ticketId, String number, boolean moved) {
    }

    /** 404 for a case the re-timing did not skip; 409 when already re-timed, closed, or failing still. */
    public Retimed retime(long retimingId, long ticketId, String by) {
        OwedRetimings.SkippedCase skip = owed.skippedCase(retimingId, ticketId)
                .orElseThrow(() -> new NotFoundException("Re-timing " + retimingId + " skipped no case " + ticketId));
        try {
            return writing.execute(s -> {
                String before = owed.beforeOfEarliestSkip(skip.year(), ticketId).orElse(null);
                if (!owed.resolve(retimingId, ticketId, by, clock.instant())) {
                    throw ConflictException.of("retimingCaseAlreadyRetimed");
                }
                Map<Long, String> open = deadlines.openCaseNumbers(List.of(ticketId));
                if (open.isEmpty()) {
                    throw ConflictException.of("retimingCaseClosed");
                }
                owed.resolveOthers(skip.year(), ticketId, by, clock.instant());
                HolidayChange change = holidays.changeSince(skip.year(), before);
                boolean moved = deadlines.retime(List.of(ticketId), change, false) > 0;
                log.info("{} re-timed open case {} skipped by the {} holiday import {} ({})", by, ticketId, skip.year(),
                        retimingId, moved ? "its deadlines moved" : "no deadline differs");
                return new Retimed(ticketId, open.get(ticketId), moved);
            });
        } catch (ConflictException e) {
            throw e;
        } catch (RuntimeException failed) {
            RetimingFailure kind = RetimingFailure.of(failed);
            log.warn("{} tried to re-time open case {} skipped by holiday import {}; it fails still ({})", by, ticketId,
                    retimingId, kind, failed);
            writing.executeWithoutResult(s -> owed.failedAgain(retimingId, ticketId, kind,
                    FinishRetiming.describe(failed), clock.instant()));
            throw ConflictException.of("retimingCaseStillFails");
        }
    }
}
