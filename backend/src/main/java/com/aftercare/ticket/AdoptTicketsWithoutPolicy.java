package com.aftercare.ticket;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.SlaService;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Tickets recorded before SLA policies existed get their customer's policy now, with receipt and level
 * as milestones, so their clocks can be derived like any other. Runs once at start-up; idempotent.
 */
@Service
public class AdoptTicketsWithoutPolicy {

    private final TicketRepository tickets;
    private final SlaService sla;
    private final CaseTimeline timeline;

    AdoptTicketsWithoutPolicy(TicketRepository tickets, SlaService sla, CaseTimeline timeline) {
        this.tickets = tickets;
        this.sla = sla;
        this.timeline = timeline;
    }

    /** How many tickets were adopted. */
    @Transactional
    public int adopt() {
        List<Ticket> legacy = tickets.findWithoutPolicy();
        for (Ticket t : legacy) {
            SlaService.Assignment assignment = sla.assignmentFor(t.getSite().getCustomer().getId());
            t.applyPolicy(assignment.policyId());
            if (sla.milestones(t.getId()).isEmpty()) {
                sla.milestone(t.getId(), MilestoneKind.RECEIVED, t.getReceivedAt() == null ? t.getCreatedAt() : t.getReceivedAt(),
                        "policy " + assignment.policyCode() + " (ticket from before SLA policies)");
                if (t.getLevel() != null) {
                    sla.milestone(t.getId(), MilestoneKind.LEVEL, t.getCreatedAt(), "level " + t.getLevel());
                }
            }
            timeline.record(t.getId(), new CaseEvent.PolicyAdopted(assignment.policyCode()));
        }
        return legacy.size();
    }
}
