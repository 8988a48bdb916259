package com.aftercare.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.aftercare.common.BadRequestException;
import com.aftercare.inspection.RecordInspectionProbe;
import com.aftercare.probe.ProbeService;
import com.aftercare.probes.ProbeJob;
import com.aftercare.ticket.FindTicket;
import com.aftercare.workflow.ProbeJobs;

/**
 * An agent asks for work: the due probe jobs of the sites it serves are locked for it (under its own worker id, for
 * the configured lock) and handed over with everything the checks need. With nothing due the request is held open
 * up to the long-poll limit and answers as soon as a job of its sites is due, so a case waits seconds, not a poll
 * interval, and an idle agent costs one request per ~25 s. Another customer's jobs are never listed: only the jobs
 * routed to this agent are locked.
 */
@Service
public class FetchAgentJobs {

    /** One job as the agent gets it: jobId is the engine's external task id, the path of its result. */
    public record AgentJob(String jobId, String ticketNumber, ProbeJob job) {
    }

    static final int MAX_JOBS = 5;
    private static final Logger log = LoggerFactory.getLogger(FetchAgentJobs.class);

    private final ProbeRoutes routes;
    private final ProbeJobs probeJobs;
    private final ProbeService probes;
    private final FindTicket tickets;
    private final ProbeAgentRepository agents;
    private final AgentHeartbeat heartbeat;
    private final AgentLimits limits;
    private final RecordInspectionProbe inspectionProbes;

    FetchAgentJobs(ProbeRoutes routes, ProbeJobs probeJobs, ProbeService probes, FindTicket tickets,
            ProbeAgentRepository agents, AgentHeartbeat heartbeat, AgentLimits limits, RecordInspectionProbe inspectionProbes) {
        this.inspectionProbes = inspectionProbes;
        this.routes = routes;
        this.probeJobs = probeJobs;
        this.probes = probes;
        this.tickets = tickets;
        this.agents = agents;
        this.heartbeat = heartbeat;
        this.limits = limits;
    }

    /** Runs outside a transaction: each lock is the engine's own, each plan read in its own short one. */
    public List<AgentJob> fetch(Long agentId, Integer maxJobs) {
        int max = maxJobs == null ? 1 : maxJobs;
        if (max < 1 || max > MAX_JOBS) {
            throw new BadRequestException("maxJobs", "1 to " + MAX_JOBS);
        }
        // a wait on the wall, not business time: the monotonic clock (tests freeze the injected Clock)
        long deadline = System.nanoTime() + limits.longPoll.toNanos();
        while (true) {
            heartbeat.beat(agentId);
            ProbeAgent agent = agents.findById(agentId).orElse(null);
            if (agent == null || !agent.isActive()) {
                return List.of(); // revoked while waiting: its next request gets 401
            }
            List<AgentJob> jobs = claim(agent, max);
            if (!jobs.isEmpty() || System.nanoTime() + limits.pollStep.toNanos() - deadline >= 0) {
                return jobs;
            }
            try {
                Thread.sleep(limits.pollStep.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }

    private List<AgentJob> claim(ProbeAgent agent, int max) {
        List<AgentJob> jobs = new ArrayList<>();
        for (ProbeRoutes.Route route : routes.waiting()) {
            if (jobs.size() >= max) {
                break;
            }
            if (!agent.getId().equals(route.agentId())) {
                continue;
            }
            if (!probeJobs.lock(route.taskId(), agent.workerId(), limits.lock.toMillis())) {
                continue; // taken in between
            }
            ProbeService.Plan plan;
            try {
                plan = route.ofInspection() ? inspectionProbes.plan(route.deviceId()) : probes.plan(route.ticketId());
            } catch (RuntimeException e) {
                // cannot even plan it: give the job back at once rather than hold it for the lock's length
                log.warn("Probe job {} not handed to agent {}: {}", route.taskId(), agent.getId(), e.toString());
                probeJobs.unlock(route.taskId());
                continue;
            }
            if (route.ofInspection()) {
                // the agent logs this as the job's "case": the inspection's number says which it is
                log.info("Probe job {} of inspection {} locked for agent {}", route.taskId(), route.inspectionId(), agent.getId());
                jobs.add(new AgentJob(route.taskId(), "inspection-" + route.inspectionId(), plan.job()));
                continue;
            }
            log.info("Probe job {} of ticket {} locked for agent {}", route.taskId(), route.ticketId(), agent.getId());
            jobs.add(new AgentJob(route.taskId(), tickets.get(route.ticketId()).getNumber(), plan.job()));
        }
        return jobs;
    }
}
