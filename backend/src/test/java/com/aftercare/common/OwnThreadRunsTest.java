package com.aftercare.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A scheduled job's run on its own thread: one at a time, the caller never waits, a failure does not stop the next. */
class OwnThreadRunsTest {

    private final OwnThreadRuns runs = new OwnThreadRuns("test-runs", LoggerFactory.getLogger(OwnThreadRunsTest.class));

    @Test
    void aTickWhileARunIsGoingStartsNothingAndTheNextAfterItDoes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<String> thread = new AtomicReference<>();
        assertThat(runs.offer(() -> {
            thread.set(Thread.currentThread().getName());
            started.countDown();
            await(release);
        }, "failed")).isTrue();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(thread.get()).isEqualTo("test-runs");
        assertThat(runs.offer(() -> { }, "failed")).as("a run is still going").isFalse();

        release.countDown();
        CountDownLatch second = new CountDownLatch(1);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean offered = false;
        while (!offered && System.nanoTime() < until) {
            offered = runs.offer(second::countDown, "failed");
        }
        assertThat(offered).isTrue();
        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        runs.stop();
    }

    @Test
    void aFailedRunIsLoggedAndTheNextTickRunsAgain() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        assertThat(runs.offer(() -> {
            failed.countDown();
            throw new IllegalStateException("database away");
        }, "run failed")).isTrue();
        assertThat(failed.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch next = new CountDownLatch(1);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (next.getCount() > 0 && System.nanoTime() < until) {
            runs.offer(next::countDown, "run failed");
        }
        assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
        runs.stop();
        assertThat(runs.offer(() -> { }, "run failed")).as("stopped: nothing runs").isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
