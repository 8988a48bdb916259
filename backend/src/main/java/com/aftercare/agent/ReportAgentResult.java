package com.aftercare.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.inspection.RecordInspectionProbe;
import com.aftercare.probe.ProbeService;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckRequest;
import com.aftercare.workflow.ProbeJobs;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An agent posts what its checks found. The server, not the agent, decides the verdict (ProbeService.evaluate on the
 * case's own plan), records the evidence and completes the job in one transaction, as its own worker does. Outcomes
 * of checks the plan did not ask for, or a plan's check without any outcome, are refused: an agent cannot make a
 * device pass by leaving out the check that fails.
 */
@Service
public class ReportAgentResult {

    @Schema(name = "AgentResult")
    public record Result(List<CheckOutcome> outcomes, Instant startedAt, Instant finishedAt) {
    }

    static final int MAX_OUTCOMES = 200;
    static final int MAX_TEXT = 500;

    private final HeldJobs held;
    private final ProbeAgentRepository agents;
    private final AgentHeartbeat heartbeat;
    private final ProbeService probes;
    private final ProbeJobs jobs;
    private final TransactionTemplate transaction;
    private final RecordInspectionProbe inspectionProbes;

    ReportAgentResult(HeldJobs held, ProbeAgentRepository agents, AgentHeartbeat heartbeat, ProbeService probes,
            ProbeJobs jobs, TransactionTemplate transaction, RecordInspectionProbe inspectionProbes) {
        this.inspectionProbes = inspectionProbes;
        this.held = held;
        this.agents = agents;
        this.heartbeat = heartbeat;
        this.probes = probes;
        this.jobs = jobs;
        this.transaction = transaction;
    }

    /** @return whether the device passed */
    public boolean report(Long agentId, String jobId, Result result) {
        heartbeat.beat(agentId);
        validate(result);
        ProbeAgent agent = agents.findById(agentId).orElseThrow(() -> new NotFoundException("No probe agent " + agentId));
        ProbeJobs.Job job = held.heldBy(agent, jobId);
        if (job.ticketId() == null && !job.ofInspection()) {
            throw new NotFoundException("Probe job " + jobId + " has no case");
        }
        // an inspection's job is held against the device's own plan (ADR 0052), a case's against the case's
        ProbeService.Plan plan = job.ofInspection() ? inspectionProbes.plan(job.deviceId()) : probes.plan(job.ticketId());
        Set<CheckKind> asked = plan.job() == null ? Set.of()
                : plan.job().checks().stream().map(CheckRequest::kind).collect(Collectors.toSet());
        Set<CheckKind> answered = result.outcomes().stream().map(CheckOutcome::kind).collect(Collectors.toSet());
        for (int i = 0; i < result.outcomes().size(); i++) {
            if (!asked.contains(result.outcomes().get(i).kind())) {
                throw new BadRequestException("outcomes[" + i + "].kind", "not a check of this job");
            }
        }
        for (CheckKind kind : asked) {
            if (!answered.contains(kind)) {
                throw new BadRequestException("outcomes", "no outcome for check " + kind);
            }
        }
        ProbeService.Outcome outcome = probes.evaluate(plan, result.outcomes(), result.startedAt(), result.finishedAt());
        transaction.executeWithoutResult(status -> {
            if (job.ofInspection()) {
                inspectionProbes.record(job.inspectionId(), job.deviceId(), outcome, agent.getName());
            } else {
                probes.record(plan, outcome);
            }
            // complete checks the worker id again, inside the transaction: a lock taken over meanwhile rolls all back
            jobs.complete(job.id(), agent.workerId(), outcome.passed());
        });
        return outcome.passed();
    }

    private static void validate(Result r) {
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        if (r == null || r.outcomes() == null) {
            throw new BadRequestException("outcomes", "required (a list, empty when the job had no checks)");
        }
        if (r.outcomes().size() > MAX_OUTCOMES) {
            errors.add(new BadRequestException.FieldError("outcomes", "at most " + MAX_OUTCOMES));
        }
        for (int i = 0; i < r.outcomes().size() && i < MAX_OUTCOMES; i++) {
            CheckOutcome o = r.outcomes().get(i);
            if (o == null || o.kind() == null) {
                errors.add(new BadRequestException.FieldError("outcomes[" + i + "].kind", "required"));
            } else if (o.reason() == null) {
                errors.add(new BadRequestException.FieldError("outcomes[" + i + "].reason", "required"));
            } else if (o.ok() != (o.reason() == com.aftercare.probes.CheckReason.OK)) {
                errors.add(new BadRequestException.FieldError("outcomes[" + i + "].ok", "must be true exactly when reason is OK"));
            } else if (tooLong(o.target()) || tooLong(o.detail())) {
                errors.add(new BadRequestException.FieldError("outcomes[" + i + "].detail", "target and detail at most " + MAX_TEXT + " characters"));
            }
        }
        if (r.startedAt() == null) {
            errors.add(new BadRequestException.FieldError("startedAt", "required"));
        }
        if (r.finishedAt() == null) {
            errors.add(new BadRequestException.FieldError("finishedAt", "required"));
        } else if (r.startedAt() != null && r.finishedAt().isBefore(r.startedAt())) {
            errors.add(new BadRequestException.FieldError("finishedAt", "not before startedAt"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
    }

    private static boolean tooLong(String s) {
        return s != null && s.length() > MAX_TEXT;
    }
}
