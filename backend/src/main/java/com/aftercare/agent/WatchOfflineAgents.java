package com.aftercare.agent;

import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.identity.Role;
import com.aftercare.labels.Labels;
import com.aftercare.notify.NotificationService;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * A probe job waits for its site's agent and the agent is offline (no call for aftercare.agent.offline-after): the
 * service desk is told once per job (in-app notification) and the case's timeline says it waits for the agent, so a
 * case does not sit in "verifying" unexplained. The job stays the agent's: it never passes, nor falls back to the
 * server (which may not even reach the site's network); the desk calls the site or revokes the agent.
 */
@Service
public class WatchOfflineAgents {

    private final ProbeRoutes routes;
    private final ProbeAgentRepository agents;
    private final AgentWaitRepository waits;
    private final FindTicket tickets;
    private final CaseTimeline timeline;
    private final NotificationService notifications;
    private final TransactionTemplate transaction;
    private final AgentLimits limits;
    private final Clock clock;
    private final boolean enabled;

    WatchOfflineAgents(ProbeRoutes routes, ProbeAgentRepository agents, AgentWaitRepository waits, FindTicket tickets,
            CaseTimeline timeline, NotificationService notifications, TransactionTemplate transaction, AgentLimits limits,
            Clock clock, @Value("${aftercare.agent.watch-enabled:true}") boolean enabled) {
        this.routes = routes;
        this.agents = agents;
        this.waits = waits;
        this.tickets = tickets;
        this.timeline = timeline;
        this.notifications = notifications;
        this.transaction = transaction;
        this.limits = limits;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${aftercare.agent.watch-interval-ms:60000}")
    void poll() {
        if (enabled) {
            runOnce();
        }
    }

    /** Tells about every job newly found waiting for an offline agent; returns how many. Tests call this directly. */
    public int runOnce() {
        int told = 0;
        Instant now = clock.instant();
        for (ProbeRoutes.Route route : routes.waiting()) {
            // an inspection's job has no case to note it on: its lines show 待检测 on the checklist itself (ADR 0052)
            if (route.toServer() || route.ticketId() == null || waits.existsById(route.taskId())) {
                continue;
            }
            ProbeAgent agent = agents.findById(route.agentId()).orElse(null);
            // a job is created as the case reaches verification; an agent that has never called is offline too
            if (agent == null || agent.isOnline(now, limits.offlineAfter)) {
                continue;
            }
            transaction.executeWithoutResult(status -> {
                Ticket ticket = tickets.get(route.ticketId());
                CaseEvent event = new CaseEvent.ProbeWaitsForAgent(ticket.getDevice() == null ? null : ticket.getDevice().getName(),
                        agent.getName(), ticket.getDevice() == null ? null : ticket.getDevice().getSite().getName());
                waits.save(new AgentWait(route.taskId(), route.ticketId(), agent.getId(), now));
                timeline.record(route.ticketId(), event);
                notifications.notifyRole(Role.SERVICE_DESK, route.ticketId(), event, Labels.ZH, clock.getZone());
            });
            told++;
        }
        return told;
    }
}
