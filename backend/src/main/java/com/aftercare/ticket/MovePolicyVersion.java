package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** Moves an open ticket onto the current version of its policy (a process owner's "apply to open tickets"). */
@Service
public class MovePolicyVersion {

    private final LoadTicket load;
    private final PolicyCatalog policyCatalog;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;

    MovePolicyVersion(LoadTicket load, PolicyCatalog policyCatalog, RecordMilestone recordMilestone, CaseTimeline timeline) {
        this.load = load;
        this.policyCatalog = policyCatalog;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
    }

    /** False when the ticket stays where it is: closed meanwhile, already on it, or its level is gone in that version. */
    @Transactional
    public boolean move(Long ticketId, Long policyId, String policyCode, int version) {
        Ticket t = load.byId(ticketId);
        if (t.getStatus() == TicketStatus.CLOSED || policyId.equals(t.getPolicyId())
                || t.getLevel() != null && policyCatalog.definition(policyId).level(t.getLevel()).isEmpty()) {
            return false;
        }
        t.applyPolicy(policyId);
        timeline.record(ticketId, new CaseEvent.PolicyChanged(policyCode, version));
        recordMilestone.record(ticketId, MilestoneKind.POLICY, policyCode + " v" + version);
        return true;
    }
}
