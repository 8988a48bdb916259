package com.aftercare.agent;

import com.aftercare.probe.AgentSites;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.Device;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;

/**
 * Who runs which probe job: a job whose device is at a site served by an active probe agent goes to that agent only;
 * every other job to the server's in-process worker. The engine's fetch-and-lock cannot filter by site, so the
 * waiting (unlocked) jobs are listed, each mapped ticket -> device -> site, and the chosen ones locked one by one
 * with ExternalTaskService.lock, which fails if someone else locked the job in between.
 */
@Component
public class ProbeRoutes implements AgentSites {

    /** Topic of the probe jobs (verification.bpmn); the same as ProbeWorker.TOPIC. */
    public static final String TOPIC = "device-probe";

    /**
     * A probe job waiting to be run. agentId: the agent that must run it, null for this server; retries: what the
     * engine has left (null: never failed).
     */
    public record Route(String taskId, Long ticketId, Long siteId, Long agentId, Integer retries) {
        public boolean toServer() {
            return agentId == null;
        }
    }

    private final ExternalTaskService externalTasks;
    private final RuntimeService runtime;
    private final FindTicket tickets;
    private final ProbeAgentRepository agents;

    ProbeRoutes(ExternalTaskService externalTasks, RuntimeService runtime, FindTicket tickets, ProbeAgentRepository agents) {
        this.externalTasks = externalTasks;
        this.runtime = runtime;
        this.tickets = tickets;
        this.agents = agents;
    }

    /** Jobs nobody holds now and that are due (a failed job's retry wait is a lock until then), oldest first. */
    @Transactional(readOnly = true)
    public List<Route> waiting() {
        Map<Long, Long> agentOfSite = agentOfSite();
        List<Route> routes = new ArrayList<>();
        for (ExternalTask task : externalTasks.createExternalTaskQuery().topicName(TOPIC).notLocked().active()
                .withRetriesLeft().orderByCreateTime().asc().list()) {
            routes.add(route(task, agentOfSite));
        }
        return routes;
    }

    /** The route of one job, whatever its lock (null if there is no such job). */
    @Transactional(readOnly = true)
    public Route of(String taskId) {
        ExternalTask task = externalTasks.createExternalTaskQuery().externalTaskId(taskId).singleResult();
        return task == null || !TOPIC.equals(task.getTopicName()) ? null : route(task, agentOfSite());
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

    private Route route(ExternalTask task, Map<Long, Long> agentOfSite) {
        Object id = runtime.getVariable(task.getExecutionId(), "ticketId");
        Long ticketId = id instanceof Number n ? n.longValue() : null;
        Long siteId = null;
        if (ticketId != null) {
            Ticket ticket = tickets.get(ticketId);
            Device device = ticket.getDevice();
            // no device: nothing to probe, the server records that at once
            siteId = device == null ? null : device.getSite().getId();
        }
        return new Route(task.getId(), ticketId, siteId, siteId == null ? null : agentOfSite.get(siteId), task.getRetries());
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
