package com.aftercare.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * The recovery's look hands a long re-timing to a thread of its own (ADR 0083): Spring's scheduler has one thread for
 * every @Scheduled job of the node, and the notifications' poll, the probes and the mail intake must not wait for
 * thousands of cases to be replayed. No database: the rows and the run are stand-ins.
 */
class RecoverOwedRetimingThreadTest {

    private static final OwedRetimings.Owed ROW = new OwedRetimings.Owed(1, 2027, null, "{}", 0, 0, "claim");

    /** One owed row, lapsed, claimed by whoever asks; counts the looks that reached the table. */
    static class OneRow extends OwedRetimings {
        final AtomicInteger looks = new AtomicInteger();

        OneRow() {
            super(null);
        }

        @Override
        List<Long> lapsed(Instant now) {
            looks.incrementAndGet();
            return List.of(ROW.id());
        }

        @Override
        boolean giveUpStalled(long id, Instant now, int maxAttempts) {
            return false;
        }

        @Override
        Optional<Owed> claim(long id, Instant now, Instant until, int maxAttempts) {
            return Optional.of(ROW);
        }
    }

    /** A re-timing that runs until the test lets it end. */
    static class SlowRun extends FinishRetiming {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicReference<String> thread = new AtomicReference<>();

        SlowRun() {
            super(null, null, null, Clock.systemUTC(), null);
        }

        @Override
        Outcome finish(OwedRetimings.Owed row) {
            thread.set(Thread.currentThread().getName());
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Outcome(1, 0, true);
        }
    }

    @Test
    void aLongReTimingRunsOnItsOwnThreadAndTheSchedulersLookReturnsAtOnce() throws Exception {
        OneRow rows = new OneRow();
        SlowRun run = new SlowRun();
        RecoverOwedRetiming recovery = new RecoverOwedRetiming(rows, run, Clock.systemUTC(), true);
        try {
            long before = System.nanoTime();
            recovery.look();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
            assertThat(run.started.await(10, TimeUnit.SECONDS)).as("the run started").isTrue();
            // the scheduler's thread came back while the run is still going (it waits for the test)
            assertThat(tookMillis).isLessThan(1_000);
            assertThat(run.thread.get()).isEqualTo("holiday-retiming").isNotEqualTo(Thread.currentThread().getName());

            // the next looks while it runs start no second run beside it
            recovery.look();
            recovery.look();
            assertThat(rows.looks.get()).isEqualTo(1);

            run.release.countDown();
            // once it ended, the next look runs again
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (rows.looks.get() < 2 && System.nanoTime() < deadline) {
                recovery.look();
                Thread.sleep(20);
            }
            assertThat(rows.looks.get()).isGreaterThanOrEqualTo(2);
        } finally {
            run.release.countDown();
            recovery.stop();
        }
    }

    @Test
    void switchedOffItLooksAtNothing() throws Exception {
        OneRow rows = new OneRow();
        SlowRun run = new SlowRun();
        RecoverOwedRetiming recovery = new RecoverOwedRetiming(rows, run, Clock.systemUTC(), false);
        try {
            recovery.look();
            assertThat(run.started.await(300, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(rows.looks.get()).isZero();
        } finally {
            recovery.stop();
        }
    }
}
