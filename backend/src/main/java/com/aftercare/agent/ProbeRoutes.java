package com.aftercare.agent;

import com.aftercare.probe.AgentSites;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.workflow.ProbeJobs;

/**
 * Who runs which probe job: a job whose device is at a site served by an active probe agent goes to that agent only;
 * every other job to the server's in-process worker. The engine's fetch-and-lock cannot filter by site, so the
 * waiting (unlocked) jobs are listed (through the workflow port {@link ProbeJobs}), each mapped ticket -> device -> site,
 * and the chosen ones locked one by one with {@link ProbeJobs#lock}, which fails if someone else locked the job in between.
 */
@Component
public class ProbeRoutes implements AgentSites {

    /** Topic of the probe jobs (verification.bpmn); the same as ProbeWorker.TOPIC. */
    public static final String TOPIC = ProbeJobs.TOPIC;

    /**
     * A probe job waiting to be run. agentId: the agent that must run it, null for this server; retries: what the
     * engine has left (null: never failed).
     */
    public record Route(String taskId, Long ticketId, Long inspectionId, Long deviceId, Long siteId, Long agentId,
            Integer retries) {

        /** A job of a preventive inspection's automated items (ADR 0052), not of a case. */
        public boolean ofInspection() {
            return ticketId == null && inspectionId != null && deviceId != null;
        }

        public boolean toServer() {
            return agentId == null;
        }
    }

    private final ProbeJobs jobs;
    private final FindTicket tickets;
    private final ProbeAgentRepository agents;
    private final AssetService assets;

    ProbeRoutes(ProbeJobs jobs, FindTicket tickets, ProbeAgentRepository agents, AssetService assets) {
        this.jobs = jobs;
        this.tickets = tickets;
        this.agents = agents;
        this.assets = assets;
    }

    /** Jobs nobody holds now and that are due (a failed job's retry wait is a lock until then), oldest first. */
    @Transactional(readOnly = true)
    public List<Route> waiting() {
        Map<Long, Long> agentOfSite = agentOfSite();
        List<Route> routes = new ArrayList<>();
        for (ProbeJobs.Job job : jobs.waiting()) {
            routes.add(route(job, agentOfSite));
        }
        return routes;
    }

    /** The route of one job, whatever its lock (null if there is no such job). */
    @Transactional(readOnly = true)
    public Route of(String taskId) {
        return jobs.find(taskId).map(job -> route(job, agentOfSite())).orElse(null);
    }

    @Override
    public boolean servedByAgent(Long siteId) {
        return agentServing(siteId) != null;
    }

    /** The active agent serving a site, or null. */
    @Transactional(readOnly = true)
    public Long agentServing(Long siteId) {
        return agentOfSite().get(siteId);
    }

    private Route route(ProbeJobs.Job job, Map<Long, Long> agentOfSite) {
        Long ticketId = job.ticketId();
        Long siteId = null;
        if (ticketId != null) {
            Ticket ticket = tickets.get(ticketId);
            Device device = ticket.getDevice();
            // no device: nothing to probe, the server records that at once
            siteId = device == null ? null : device.getSite().getId();
        } else if (job.ofInspection()) {
            siteId = assets.device(job.deviceId()).getSite().getId();
        }
        return new Route(job.id(), ticketId, job.inspectionId(), job.deviceId(), siteId,
                siteId == null ? null : agentOfSite.get(siteId), job.retries());
    }

    private Map<Long, Long> agentOfSite() {
        Map<Long, Long> map = new HashMap<>();
        for (ProbeAgent a : agents.findByRevokedAtIsNull()) {
            for (Long site : a.getSiteIds()) {
                map.merge(site, a.getId(), Math::min); // RegisterAgent keeps one active agent per site
            }
        }
        return map;
    }
}
