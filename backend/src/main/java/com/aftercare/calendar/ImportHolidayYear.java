package com.aftercare.calendar;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An admin's import of a year of holidays (系统管理 → 工作日历), and its preview: the year is stored, then the open
 * cases whose working-time deadlines it moves are re-timed on the new calendar (ADR 0075, 0078).
 * <p>
 * Deliberately not one transaction: the import commits first, which makes this node's calendar the new one, and the
 * re-timing then replays the cases in small transactions of its own, so a hundred thousand open cases are never held
 * in one, and what the escalations replay when told is the new calendar. What the re-timing owes is written in the
 * import's transaction (holiday_retiming), claimed by this node: if it stops before the last batch, another node (or
 * this one after a restart) finishes it ({@link RecoverOwedRetiming}); the other nodes pick the year up within
 * {@link HolidayService#RECHECK}.
 */
@Service
public class ImportHolidayYear {

    private static final Logger log = LoggerFactory.getLogger(ImportHolidayYear.class);
    /** A year not stored yet, imported twice at once: the second insert fails on the key and is tried again. */
    private static final int ATTEMPTS = 3;

    private final HolidayService holidays;
    private final OpenCaseDeadlines deadlines;
    private final OwedRetimings owed;
    private final FinishRetiming finishRetiming;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    ImportHolidayYear(HolidayService holidays, OpenCaseDeadlines deadlines, OwedRetimings owed,
            FinishRetiming finishRetiming, Clock clock, PlatformTransactionManager transactions) {
        this.holidays = holidays;
        this.deadlines = deadlines;
        this.owed = owed;
        this.finishRetiming = finishRetiming;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /**
     * The year, how many open cases had their deadlines recomputed, how many could not be (skipped, listed on the
     * working calendar's page, ADR 0083), and whether some are still owed theirs (a batch failed or was taken over:
     * another node finishes it, see {@link RecoverOwedRetiming}).
     */
    public record HolidaysImported(int year, int openCasesRetimed, int openCasesNotRetimed, boolean retimingPending) {
    }

    /** What {@link #store} committed: the change, and the re-timing it owes (null when no day changed). */
    public record Stored(HolidayChange change, OwedRetimings.Owed owed) {
    }

    public HolidaysImported importYear(String json, String importedBy) {
        return retime(store(json, importedBy));
    }

    /**
     * The re-timing after the commit, under the claim {@link #store} took: what the importing node does next. When the
     * claim lapsed meanwhile (the node stalled) and another node took the re-timing over, this writes nothing.
     */
    public HolidaysImported retime(Stored stored) {
        if (stored.owed() == null) {
            return new HolidaysImported(stored.change().year(), 0, 0, false);
        }
        FinishRetiming.Outcome outcome = finishRetiming.finish(stored.owed(), stored.change());
        return new HolidaysImported(stored.change().year(), outcome.retimed(), outcome.notRetimed(), !outcome.finished());
    }

    /**
     * The import's transaction alone: stores the year and, when it changes a day, records the re-timing owed, claimed
     * by the caller. What a node that stops right after the commit leaves behind.
     */
    public Stored store(String json, String importedBy) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writing.execute(s -> {
                    HolidayChange change = holidays.store(json, importedBy);
                    if (!change.changesDays()) {
                        return new Stored(change, null);
                    }
                    return new Stored(change, owed.record(change.year(), change.before().yearJson(change.year()), json,
                            clock.instant(), importedBy, finishRetiming.leaseEnd()));
                });
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Another import of the same holiday year committed first; reading it and trying again: {}",
                        e.toString());
            }
        }
    }

    /**
     * What the import would store, how many open cases it would re-time, and how many it could not (a case whose replay
     * fails: the import would skip and list it, ADR 0083); changes nothing. A batch whose replay fails is counted case
     * by case, so one broken case does not make the preview itself fail.
     */
    public HolidayService.Preview preview(String json) {
        HolidayService.Preview preview = holidays.preview(json);
        HolidayChange change = holidays.previewChange(json);
        if (!change.changesDays()) {
            return preview.withOpenCases(0, 0);
        }
        long after = 0;
        int count = 0;
        int failing = 0;
        while (true) {
            long from = after;
            List<Long> ids = reading.execute(s -> deadlines.candidates(change, from));
            if (ids == null || ids.isEmpty()) {
                return preview.withOpenCases(count, failing);
            }
            after = ids.get(ids.size() - 1);
            try {
                Integer batch = reading.execute(s -> deadlines.retime(ids, change, true));
                count += batch == null ? 0 : batch;
            } catch (RuntimeException batchFailed) {
                for (long id : ids) {
                    try {
                        Integer one = reading.execute(s -> deadlines.retime(List.of(id), change, true));
                        count += one == null ? 0 : one;
                    } catch (RuntimeException caseFailed) {
                        log.warn("Open case {} cannot be replayed on the {} holidays (the import would skip it)", id,
                                change.year(), caseFailed);
                        failing++;
                    }
                }
            }
        }
    }
}
