package com.aftercare.notify;

import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * A reader's marks from several tabs at the same instant: a marking that fails on another tab's duplicate mark rolls
 * back, and is run again, a few times. Each failed try means another tab's marks were committed, so with several tabs
 * racing (one marking one, another all) a second try can still meet a third tab's marks.
 */
final class TabRaces {

    /** More tries than tabs a reader races with in practice; after that the duplicate is a real error, not a race. */
    static final int MOST_TRIES = 5;

    private TabRaces() {
    }

    static <T> T retry(Supplier<T> marking) {
        for (int tries = 1;; tries++) {
            try {
                return marking.get();
            } catch (DataIntegrityViolationException markedMeanwhile) {
                if (tries == MOST_TRIES) {
                    throw markedMeanwhile;
                }
            }
        }
    }
}
