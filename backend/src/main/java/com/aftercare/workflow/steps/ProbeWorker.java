package com.aftercare.workflow.steps;

import java.util.Map;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.agent.ProbeRoutes;
import com.aftercare.probe.ProbeService;
import com.aftercare.workflow.ExternalTaskTopics;

/**
 * Serves the external-task topic "device-probe" in-process, as the engine-side adapter of the probe
 * feature (which knows devices and checks, not the engine). It fetches and locks jobs, probes
 * outside any transaction, then records the result and completes the task in one transaction, so
 * the probe evidence and the process move together. Infrastructure errors are retried by the engine.
 * Jobs of sites served by a probe agent are not this worker's ({@link ProbeRoutes}): they wait for that agent.
 */
@Component
public class ProbeWorker implements ExternalTaskTopics {

    public static final String TOPIC = ProbeRoutes.TOPIC;

    static final String WORKER_ID = "in-process-probe-worker";
    /** Tries before the probe counts as failed (public for the probe feature's tests). */
    public static final int MAX_TRIES = 3;

    private static final Logger log = LoggerFactory.getLogger(ProbeWorker.class);

    private final ExternalTaskService externalTasks;
    private final ProbeService probes;
    private final ProbeRoutes routes;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final long lockMillis;

    private final long retryDelayMillis;

    public ProbeWorker(ExternalTaskService externalTasks, ProbeService probes, ProbeRoutes routes, TransactionTemplate transaction,
            @Value("${aftercare.probe.worker-enabled:true}") boolean enabled,
            @Value("${aftercare.probe.lock-millis:60000}") long lockMillis,
            @Value("${aftercare.probe.retry-delay-millis:30000}") long retryDelayMillis) {
        this.externalTasks = externalTasks;
        this.probes = probes;
        this.routes = routes;
        this.transaction = transaction;
        this.enabled = enabled;
        this.lockMillis = lockMillis;
        this.retryDelayMillis = retryDelayMillis;
    }

    @Scheduled(fixedDelayString = "${aftercare.probe.poll-interval-ms:1000}")
    void poll() {
        if (enabled) {
            runOnce();
        }
    }

    /** Serves every probe job due now that is this server's (not an agent's); returns how many it handled. Tests call this directly. */
    public int runOnce() {
        int handled = 0;
        for (ProbeRoutes.Route route : routes.waiting()) {
            if (!route.toServer() || handled >= 10) {
                continue;
            }
            try {
                externalTasks.lock(route.taskId(), WORKER_ID, lockMillis);
            } catch (ProcessEngineException e) {
                continue; // locked by someone else in between, or gone: not ours
            }
            handle(route.taskId(), route.ticketId(), route.retries());
            handled++;
        }
        return handled;
    }

    private void handle(String taskId, Long ticketId, Integer retries) {
        try {
            if (ticketId == null) {
                throw new IllegalStateException("probe job without ticketId");
            }
            ProbeService.Plan plan = probes.plan(ticketId);
            ProbeService.Outcome outcome = probes.run(plan);
            transaction.executeWithoutResult(status -> {
                probes.record(plan, outcome);
                externalTasks.complete(taskId, WORKER_ID, Map.of("probePassed", outcome.passed()));
            });
        } catch (RuntimeException e) {
            log.warn("Probe job {} failed: {}", taskId, e.toString());
            int retriesLeft = (retries == null ? MAX_TRIES : retries) - 1;
            if (retriesLeft > 0) {
                externalTasks.handleFailure(taskId, WORKER_ID, String.valueOf(e.getMessage()), e.toString(), retriesLeft,
                        retryDelayMillis);
            } else {
                giveUp(taskId, ticketId, e);
            }
        }
    }

    /**
     * Out of retries: rather than leave an engine incident nobody sees (the case would sit in
     * VERIFYING for ever), the probe counts as failed with the reason on the ticket, and the
     * case goes back to the engineer, who can correct the device's probe settings.
     */
    private void giveUp(String taskId, Long ticketId, RuntimeException cause) {
        try {
            transaction.executeWithoutResult(status -> {
                probes.recordCouldNotRun(ticketId, cause);
                externalTasks.complete(taskId, WORKER_ID, Map.of("probePassed", false));
            });
        } catch (RuntimeException e) {
            log.error("Probe job {} could not be closed either; leaving it as an incident", taskId, e);
            externalTasks.handleFailure(taskId, WORKER_ID, String.valueOf(cause.getMessage()), cause.toString(), 0, 0);
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }
}
