package com.aftercare.probe;

import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.common.ConflictException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.Role;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Issue 12: after a failed verification the engineer (or the desk) probes the device again at once, to see
 * whether what they just did on site helped, without sending the form round again. The result is kept as
 * evidence and on the timeline (and so in the audit chain) like any verification; the case does not move:
 * the engineer still reports the fix, which verifies once more before the case may close.
 * At a site served by a probe agent only the agent reaches the device: the recheck is queued for it as a probe job
 * ({@link RecheckQueue}, ADR 0042), the case shows "checking" until the agent reports, and its result lands like any
 * other; an offline agent leaves it waiting (the desk is told), it never passes.
 */
@Service
public class RecheckDevice {

    private final ProbeService probes;
    private final FindTicket tickets;
    private final AgentSites agentSites;
    private final RecheckQueue queue;
    private final CaseTimeline timeline;
    private final TransactionTemplate transaction;
    @PersistenceContext
    private EntityManager entityManager;

    RecheckDevice(ProbeService probes, FindTicket tickets, AgentSites agentSites, RecheckQueue queue, CaseTimeline timeline,
            TransactionTemplate transaction) {
        this.probes = probes;
        this.tickets = tickets;
        this.agentSites = agentSites;
        this.queue = queue;
        this.timeline = timeline;
        this.transaction = transaction;
    }

    /** result: the check run now; null when queued for the site's probe agent (queued true). */
    public record Rechecked(ProbeResult result, boolean queued) {
    }

    /** The network work runs outside any transaction (as the probe worker's does); only the record is written in one. */
    public Rechecked recheck(Long ticketId, String user, Set<Role> roles) {
        Ticket t = tickets.getVisible(ticketId);
        boolean desk = roles.contains(Role.SERVICE_DESK);
        boolean engineer = roles.contains(Role.ENGINEER);
        if (!desk && !engineer) {
            throw new ForbiddenException("Only the engineer of the ticket or the service desk may check its device again");
        }
        if (!desk && !user.equals(t.getAssignee())) {
            throw new ForbiddenException("Ticket " + t.getNumber() + " is held by " + t.getAssignee() + ", not by you");
        }
        if (t.getStatus() == TicketStatus.VERIFYING) {
            throw ConflictException.of("deviceBeingChecked", Map.of("number", t.getNumber()));
        }
        if (t.getStatus() == TicketStatus.CLOSED) {
            throw ConflictException.of("caseClosed", Map.of("number", t.getNumber()));
        }
        ProbeService.Plan plan = probes.plan(ticketId);
        if (plan.siteId() != null && agentSites.servedByAgent(plan.siteId())) {
            // issue 14: only the site's probe agent reaches its network; this server would probe from outside it and
            // record a failure that says nothing. The agent gets the recheck as a job.
            transaction.executeWithoutResult(status -> queueForAgent(ticketId, plan.deviceName()));
            return new Rechecked(null, true);
        }
        return new Rechecked(probes.record(plan, probes.run(plan)), false);
    }

    /**
     * The ticket's row is locked first, so of two clicks at once the second waits, then finds the first one's job
     * and is told the device is being checked (409): one job per case at a time.
     */
    private void queueForAgent(Long ticketId, String deviceName) {
        Ticket t = tickets.getVisible(ticketId);
        entityManager.lock(t, LockModeType.PESSIMISTIC_WRITE);
        if (queue.queued(t.getNumber())) {
            throw ConflictException.of("deviceBeingChecked", Map.of("number", t.getNumber()));
        }
        queue.queue(ticketId, t.getNumber());
        timeline.record(ticketId, new CaseEvent.RecheckQueued(deviceName));
    }
}
