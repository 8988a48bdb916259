package com.aftercare.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** How often a reader's marking is run again after other tabs' duplicate marks: five tries, pinned from both sides. */
class TabRacesTest {

    @Test
    void aMarkingThatMeetsOtherTabsMarksFourTimesStillSucceedsOnItsFifthTry() {
        AtomicInteger tries = new AtomicInteger();
        String marked = TabRaces.retry(() -> {
            if (tries.incrementAndGet() < 5) {
                throw new DataIntegrityViolationException("duplicate mark from another tab");
            }
            return "marked";
        });
        assertThat(marked).isEqualTo("marked");
        assertThat(tries).hasValue(5);
    }

    @Test
    void afterFiveDuplicateMarksTheErrorIsPassedOnNotTriedASixthTime() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> TabRaces.retry(() -> {
            tries.incrementAndGet();
            throw new DataIntegrityViolationException("duplicate mark");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(tries).hasValue(TabRaces.MOST_TRIES).hasValue(5);
    }

    @Test
    void otherErrorsAreNotRetried() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> TabRaces.retry(() -> {
            tries.incrementAndGet();
            throw new IllegalStateException("not a race");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(tries).hasValue(1);
    }
}
