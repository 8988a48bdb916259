package com.aftercare.calendar;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes the re-timing an import owes when the node that took the import did not (ADR 0078): it stopped between the
 * import's commit and the last batch, or a batch failed. Every node looks at start-up and then as often as it rechecks
 * the calendar ({@link HolidayService#RECHECK}); a row is taken only once its claim lapsed ({@link FinishRetiming#LEASE}
 * after its last batch), and by one node only. Usually there is no row and the look is one indexed query.
 */
@Component
public class RecoverOwedRetiming {

    private static final Logger log = LoggerFactory.getLogger(RecoverOwedRetiming.class);

    private final OwedRetimings owed;
    private final FinishRetiming finishRetiming;
    private final Clock clock;
    private final boolean enabled;

    RecoverOwedRetiming(OwedRetimings owed, FinishRetiming finishRetiming, Clock clock,
            @Value("${aftercare.calendar.retiming-recovery-enabled:true}") boolean enabled) {
        this.owed = owed;
        this.finishRetiming = finishRetiming;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Off in the tests, which run {@link #runOnce} themselves (a look in the background would race them). */
    @Scheduled(fixedDelayString = "${aftercare.calendar.retiming-recovery-interval-ms:30000}", initialDelay = 0)
    void look() {
        if (enabled) {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("Could not look for owed re-timing of open cases; trying again at the next look", e);
            }
        }
    }

    /** Claims and finishes every owed re-timing whose claim lapsed; returns how many it finished. */
    public int runOnce() {
        int finished = 0;
        for (Long id : owed.lapsed(clock.instant())) {
            var claimed = owed.claim(id, clock.instant(), finishRetiming.leaseEnd());
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
