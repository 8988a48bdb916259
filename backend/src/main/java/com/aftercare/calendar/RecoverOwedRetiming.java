package com.aftercare.calendar;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import com.aftercare.common.OwnThreadRuns;

/**
 * Finishes the re-timing an import owes when the node that took the import did not (ADR 0078): it stopped between the
 * import's commit and the last batch, or a batch failed. Every node looks at start-up and then as often as it rechecks
 * the calendar ({@link HolidayService#RECHECK}); a row is taken only once its claim lapsed ({@link FinishRetiming#LEASE}
 * after its last batch), and by one node only. Usually there is no row and the look is one indexed query.
 * <p>
 * The run goes on a thread of its own (ADR 0083), as {@code notify.DeliveryWorker}'s deliveries do: Spring's scheduler
 * has one thread for every @Scheduled job of the node (no pool size is configured), and a re-timing of thousands of
 * cases would hold the notifications' poll, the probes and the mail intake until it ended. A row given up after
 * {@link FinishRetiming#ATTEMPTS} runs at one cursor is not taken again until an admin asks ({@link RetryRetiming}).
 */
@Component
public class RecoverOwedRetiming {

    private static final Logger log = LoggerFactory.getLogger(RecoverOwedRetiming.class);

    private final OwedRetimings owed;
    private final FinishRetiming finishRetiming;
    private final Clock clock;
    private final boolean enabled;
    private final OwnThreadRuns runs = new OwnThreadRuns("holiday-retiming", log);

    RecoverOwedRetiming(OwedRetimings owed, FinishRetiming finishRetiming, Clock clock,
            @Value("${aftercare.calendar.retiming-recovery-enabled:true}") boolean enabled) {
        this.owed = owed;
        this.finishRetiming = finishRetiming;
        this.clock = clock;
        this.enabled = enabled;
    }

    /**
     * Hands a look to the re-timing's own thread and returns at once; a look still running is not doubled. Off in the
     * tests, which run {@link #runOnce} themselves (a look in the background would race them).
     */
    @Scheduled(fixedDelayString = "${aftercare.calendar.retiming-recovery-interval-ms:30000}", initialDelay = 0)
    void look() {
        if (enabled) {
            runs.offer(this::runOnce, "Could not look for owed re-timing of open cases; trying again at the next look");
        }
    }

    @PreDestroy
    void stop() {
        runs.stop();
    }

    /** Claims and finishes every owed re-timing whose claim lapsed; returns how many it finished. */
    public int runOnce() {
        int finished = 0;
        for (Long id : owed.lapsed(clock.instant())) {
            if (owed.giveUpStalled(id, clock.instant(), FinishRetiming.ATTEMPTS)) {
                log.error("Gave up re-timing the open cases owed by holiday import {}: its last {} runs stopped at the same "
                        + "point without finishing (the working calendar's page says so)", id, FinishRetiming.ATTEMPTS);
                continue;
            }
            var claimed = owed.claim(id, clock.instant(), finishRetiming.leaseEnd(), FinishRetiming.ATTEMPTS);
            if (claimed.isEmpty()) {
                continue; // another node took it
            }
            log.info("Finishing the re-timing of open cases owed by the {} holiday import (nobody finished it)",
                    claimed.get().year());
            if (finishRetiming.finish(claimed.get()).finished()) {
                finished++;
            }
        }
        return finished;
    }
}
