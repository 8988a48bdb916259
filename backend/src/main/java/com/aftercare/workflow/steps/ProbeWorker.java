package com.aftercare.workflow.steps;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.inspection.RecordInspectionProbe;
import com.aftercare.probe.AgentSites;
import com.aftercare.probe.ProbeService;
import com.aftercare.ticket.FindTicket;
import com.aftercare.workflow.ExternalTaskTopics;
import com.aftercare.workflow.ProbeJobs;

/**
 * Serves the external-task topic "device-probe" in-process, as the engine-side adapter of the probe
 * feature (which knows devices and checks, not the engine). It fetches and locks jobs, probes
 * outside any transaction, then records the result and completes the task in one transaction, so
 * the probe evidence and the process move together. Infrastructure errors are retried by the engine.
 * Jobs of sites served by a probe agent are not this worker's ({@link AgentSites}): they wait for that agent. The engine
 * is reached through the workflow port {@link ProbeJobs}, as the agents' endpoints reach it.
 */
@Component
public class ProbeWorker implements ExternalTaskTopics {

    public static final String TOPIC = ProbeJobs.TOPIC;

    static final String WORKER_ID = "in-process-probe-worker";
    /** Tries before the probe counts as failed (public for the probe feature's tests). */
    public static final int MAX_TRIES = 3;

    private static final Logger log = LoggerFactory.getLogger(ProbeWorker.class);

    private final ProbeJobs jobs;
    private final ProbeService probes;
    private final AgentSites agentSites;
    private final FindTicket tickets;
    private final AssetService assets;
    private final RecordInspectionProbe inspectionProbes;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final long lockMillis;

    private final long retryDelayMillis;

    public ProbeWorker(ProbeJobs jobs, ProbeService probes, AgentSites agentSites, FindTicket tickets, AssetService assets,
            RecordInspectionProbe inspectionProbes, TransactionTemplate transaction,
            @Value("${aftercare.probe.worker-enabled:true}") boolean enabled,
            @Value("${aftercare.probe.lock-millis:60000}") long lockMillis,
            @Value("${aftercare.probe.retry-delay-millis:30000}") long retryDelayMillis) {
        this.jobs = jobs;
        this.probes = probes;
        this.agentSites = agentSites;
        this.tickets = tickets;
        this.assets = assets;
        this.inspectionProbes = inspectionProbes;
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
        for (ProbeJobs.Job job : ours()) {
            if (handled >= 10) {
                break;
            }
            if (!jobs.lock(job.id(), WORKER_ID, lockMillis)) {
                continue; // locked by someone else in between, or gone: not ours
            }
            if (job.ofInspection()) {
                handleInspection(job);
            } else {
                handle(job.id(), job.ticketId(), job.retries());
            }
            handled++;
        }
        return handled;
    }

    /** The waiting jobs this server runs: every one whose device's site no probe agent serves (no device: ours, at once). */
    private List<ProbeJobs.Job> ours() {
        return transaction.execute(status -> jobs.waiting().stream().filter(job -> {
            if (job.ofInspection()) {
                // ADR 0052: an inspection's job is the site's agent's, unless that agent was revoked meanwhile
                return !agentSites.servedByAgent(assets.device(job.deviceId()).getSite().getId());
            }
            if (job.ticketId() == null) {
                return true;
            }
            Device device = tickets.get(job.ticketId()).getDevice();
            return device == null || !agentSites.servedByAgent(device.getSite().getId());
        }).toList());
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
                jobs.complete(taskId, WORKER_ID, outcome.passed());
            });
        } catch (RuntimeException e) {
            log.warn("Probe job {} failed: {}", taskId, e.toString());
            int retriesLeft = (retries == null ? MAX_TRIES : retries) - 1;
            if (retriesLeft > 0) {
                jobs.fail(taskId, WORKER_ID, String.valueOf(e.getMessage()), e.toString(), retriesLeft, retryDelayMillis);
            } else {
                giveUp(taskId, ticketId, e);
            }
        }
    }

    /** An inspection's job whose agent was revoked: probed from here once; if that fails, the lines stay open. */
    private void handleInspection(ProbeJobs.Job job) {
        try {
            ProbeService.Plan plan = inspectionProbes.plan(job.deviceId());
            ProbeService.Outcome outcome = probes.run(plan);
            transaction.executeWithoutResult(status -> {
                inspectionProbes.record(job.inspectionId(), job.deviceId(), outcome, WORKER_ID);
                jobs.complete(job.id(), WORKER_ID, outcome.passed());
            });
        } catch (RuntimeException e) {
            log.warn("Inspection probe job {} failed: {}", job.id(), e.toString());
            transaction.executeWithoutResult(status -> {
                inspectionProbes.couldNotRun(job.inspectionId(), job.deviceId());
                jobs.complete(job.id(), WORKER_ID, false);
            });
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
                jobs.complete(taskId, WORKER_ID, false);
            });
        } catch (RuntimeException e) {
            log.error("Probe job {} could not be closed either; leaving it as an incident", taskId, e);
            jobs.fail(taskId, WORKER_ID, String.valueOf(cause.getMessage()), cause.toString(), 0, 0);
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }
}
