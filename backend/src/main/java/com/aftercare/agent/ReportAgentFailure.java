package com.aftercare.agent;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.inspection.RecordInspectionProbe;
import com.aftercare.probe.ProbeService;
import com.aftercare.workflow.ProbeJobs;
import com.aftercare.workflow.steps.ProbeWorker;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An agent could not run a job (a bug, a malformed job): the job is offered again after a wait that doubles per try
 * (retry-delay, then twice that, ...). After ProbeWorker.MAX_TRIES the probe counts as failed with the reason on the
 * case, as with the server's own worker, and the case goes back to the engineer; it never passes this way.
 */
@Service
public class ReportAgentFailure {

    @Schema(name = "AgentFailure")
    public record Failure(String reason) {
    }

    private final HeldJobs held;
    private final ProbeAgentRepository agents;
    private final AgentHeartbeat heartbeat;
    private final ProbeJobs jobs;
    private final ProbeService probes;
    private final TransactionTemplate transaction;
    private final AgentLimits limits;
    private final RecordInspectionProbe inspectionProbes;

    ReportAgentFailure(HeldJobs held, ProbeAgentRepository agents, AgentHeartbeat heartbeat, ProbeJobs jobs, ProbeService probes, TransactionTemplate transaction, AgentLimits limits,
            RecordInspectionProbe inspectionProbes) {
        this.inspectionProbes = inspectionProbes;
        this.held = held;
        this.agents = agents;
        this.heartbeat = heartbeat;
        this.jobs = jobs;
        this.probes = probes;
        this.transaction = transaction;
        this.limits = limits;
    }

    /** @return the tries left (0: the probe was recorded as failed) */
    public int report(Long agentId, String jobId, Failure failure) {
        heartbeat.beat(agentId);
        String reason = failure == null || failure.reason() == null ? "" : failure.reason().strip();
        if (reason.isEmpty() || reason.length() > 500 || reason.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("reason", "1 to 500 characters without control characters");
        }
        ProbeAgent agent = agents.findById(agentId).orElseThrow(() -> new NotFoundException("No probe agent " + agentId));
        ProbeJobs.Job job = held.heldBy(agent, jobId);
        int retriesLeft = (job.retries() == null ? ProbeWorker.MAX_TRIES : job.retries()) - 1;
        String message = "probe agent " + agent.getName() + ": " + reason;
        if (retriesLeft > 0) {
            int failedBefore = ProbeWorker.MAX_TRIES - 1 - retriesLeft;
            long wait = limits.retryDelay.toMillis() << Math.min(failedBefore, 10);
            jobs.fail(job.id(), agent.workerId(), message, null, retriesLeft, wait);
            return retriesLeft;
        }
        if (job.ofInspection()) {
            // out of tries: the inspection's lines stay open for the engineer to check by hand; nothing passes
            transaction.executeWithoutResult(status -> {
                inspectionProbes.couldNotRun(job.inspectionId(), job.deviceId());
                jobs.complete(job.id(), agent.workerId(), false);
            });
            return 0;
        }
        Long ticketId = job.ticketId();
        if (ticketId == null) {
            throw new NotFoundException("Probe job " + jobId + " has no case");
        }
        transaction.executeWithoutResult(status -> {
            probes.recordCouldNotRun(ticketId, new IllegalStateException(message));
            jobs.complete(job.id(), agent.workerId(), false);
        });
        return 0;
    }
}
