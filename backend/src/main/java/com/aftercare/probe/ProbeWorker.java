package com.aftercare.probe;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves the external-task topic "device-probe" in-process. It fetches and locks jobs, probes
 * outside any transaction, then records the result and completes the task in one transaction, so
 * the probe evidence and the process move together. Infrastructure errors are retried by the engine.
 */
@Component
public class ProbeWorker {

    public static final String TOPIC = "device-probe";
    static final String WORKER_ID = "in-process-probe-worker";
    private static final Logger log = LoggerFactory.getLogger(ProbeWorker.class);

    private final ExternalTaskService externalTasks;
    private final ProbeService probes;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final long lockMillis;

    ProbeWorker(ExternalTaskService externalTasks, ProbeService probes, TransactionTemplate transaction,
            @Value("${aftercare.probe.worker-enabled:true}") boolean enabled,
            @Value("${aftercare.probe.lock-millis:60000}") long lockMillis) {
        this.externalTasks = externalTasks;
        this.probes = probes;
        this.transaction = transaction;
        this.enabled = enabled;
        this.lockMillis = lockMillis;
    }

    @Scheduled(fixedDelayString = "${aftercare.probe.poll-interval-ms:1000}")
    void poll() {
        if (enabled) {
            runOnce();
        }
    }

    /** Serves every probe job due now; returns how many it handled. Tests call this directly. */
    public int runOnce() {
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(10, WORKER_ID).topic(TOPIC, lockMillis)
                .variables("ticketId").execute();
        for (LockedExternalTask task : locked) {
            handle(task);
        }
        return locked.size();
    }

    private void handle(LockedExternalTask task) {
        try {
            Object id = task.getVariables().get("ticketId");
            if (!(id instanceof Number ticketId)) {
                throw new IllegalStateException("probe job without ticketId");
            }
            ProbeService.Plan plan = probes.plan(ticketId.longValue());
            ProbeService.Outcome outcome = probes.run(plan);
            transaction.executeWithoutResult(status -> {
                probes.record(plan, outcome);
                externalTasks.complete(task.getId(), WORKER_ID, Map.of("probePassed", outcome.passed()));
            });
        } catch (RuntimeException e) {
            log.warn("Probe job {} failed: {}", task.getId(), e.toString());
            int retries = task.getRetries() == null ? 3 : task.getRetries();
            externalTasks.handleFailure(task.getId(), WORKER_ID, String.valueOf(e.getMessage()), e.toString(),
                    Math.max(retries - 1, 0), 30_000);
        }
    }
}
