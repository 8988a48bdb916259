package com.aftercare.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;

/**
 * Runs a scheduled job's work on a thread of its own, one run at a time. Spring's scheduler has a single thread for
 * every {@code @Scheduled} method (no pool size is configured, and the jobs were written for that), so a job whose run
 * can take long (slow robots, a year's re-timing) hands its run here and returns at once: the other jobs keep their
 * times, and a tick that comes while a run is still going starts nothing.
 */
public final class OwnThreadRuns {

    private final ExecutorService runner;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Logger log;

    /** {@code threadName} names the thread in thread dumps and logs; {@code log} is the job's own. */
    public OwnThreadRuns(String threadName, Logger log) {
        this.log = log;
        this.runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts {@code run} on the job's thread unless a run is still going; a failure is logged as {@code failure} and
     * the next tick tries again. Returns whether a run was started.
     */
    public boolean offer(Runnable run, String failure) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        try {
            runner.execute(() -> {
                try {
                    run.run();
                } catch (RuntimeException e) {
                    log.warn(failure, e);
                } finally {
                    running.set(false);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            running.set(false); // shutting down
            return false;
        }
    }

    /** Stops the thread (the bean's {@code @PreDestroy}): a run in progress is interrupted. */
    public void stop() {
        runner.shutdownNow();
    }
}
