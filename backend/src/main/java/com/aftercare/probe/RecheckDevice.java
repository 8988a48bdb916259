package com.aftercare.probe;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.aftercare.common.ConflictException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.Role;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;

/**
 * Issue 12: after a failed verification the engineer (or the desk) probes the device again at once, to see
 * whether what they just did on site helped, without sending the form round again. The result is kept as
 * evidence and on the timeline (and so in the audit chain) like any verification; the case does not move:
 * the engineer still reports the fix, which verifies once more before the case may close.
 */
@Service
public class RecheckDevice {

    private final ProbeService probes;
    private final FindTicket tickets;
    private final AgentSites agentSites;

    RecheckDevice(ProbeService probes, FindTicket tickets, AgentSites agentSites) {
        this.probes = probes;
        this.tickets = tickets;
        this.agentSites = agentSites;
    }

    /** The network work runs outside any transaction (as the probe worker's does); only the record is written in one. */
    public ProbeResult recheck(Long ticketId, String user, Set<Role> roles) {
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
            // record a failure that says nothing. The engineer reports the fix and the agent verifies it.
            throw new RecheckByAgentException();
        }
        return probes.record(plan, probes.run(plan));
    }
}
