package com.aftercare.ticket;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.sla.Assignment;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Tickets recorded before SLA policies existed get their customer's policy now, with receipt and level
 * as milestones, so their clocks can be derived like any other. Runs once at start-up; idempotent.
 */
@Service
public class AdoptTicketsWithoutPolicy {

    private final TicketRepository tickets;
    private final ContractBook contractBook;
    private final ClockEvaluation clockEvaluation;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;

    AdoptTicketsWithoutPolicy(TicketRepository tickets, ContractBook contractBook, ClockEvaluation clockEvaluation, RecordMilestone recordMilestone, CaseTimeline timeline) {
        this.tickets = tickets;
        this.contractBook = contractBook;
        this.clockEvaluation = clockEvaluation;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
    }

    /** How many tickets were adopted. */
    @Transactional
    public int adopt() {
        List<Ticket> legacy = tickets.findWithoutPolicy();
        for (Ticket t : legacy) {
            Assignment assignment = contractBook.assignmentFor(t.getSite().getCustomer().getId());
            t.applyPolicy(assignment.policyId());
            if (clockEvaluation.milestones(t.getId()).isEmpty()) {
                recordMilestone.record(t.getId(), MilestoneKind.RECEIVED, t.getReceivedAt() == null ? t.getCreatedAt() : t.getReceivedAt(),
                        "policy " + assignment.policyCode() + " (ticket from before SLA policies)");
                if (t.getLevel() != null) {
                    recordMilestone.record(t.getId(), MilestoneKind.LEVEL, t.getCreatedAt(), "level " + t.getLevel());
                }
            }
            timeline.record(t.getId(), new CaseEvent.PolicyAdopted(assignment.policyCode()));
        }
        return legacy.size();
    }
}
