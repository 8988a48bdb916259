package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.sla.ContractTerms;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.ServiceContract;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Moves a customer's open tickets onto the current terms of their service contract (calendar, time zone,
 * office hours). A contract change alone reaches only tickets opened afterwards, because a deadline that
 * moves under an open ticket surprises everyone working on it; a process owner applies it on purpose.
 * <p>
 * The policy version is left alone: policies have their own apply-to-open
 * (POST /api/sla/policies/{code}/apply-to-open). Each moved ticket gets a timeline line and a POLICY
 * milestone, which replays its clocks under the new terms and tells its escalation to move the timers.
 */
@Service
public class ApplyContractToOpenTickets {

    private final TicketRepository tickets;
    private final CaseTimeline timeline;
    private final ContractBook contractBook;
    private final RecordMilestone recordMilestone;

    ApplyContractToOpenTickets(TicketRepository tickets, CaseTimeline timeline, ContractBook contractBook,
            RecordMilestone recordMilestone) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.contractBook = contractBook;
        this.recordMilestone = recordMilestone;
    }

    /** How many open tickets took the new terms (or would, on a dry run) and how many already had them. */
    @Schema(name = "ContractAppliedResult")
    public record Result(Long customerId, boolean dryRun, int ticketsUpdated, int ticketsUnchanged) {
    }

    @Transactional
    public Result apply(Long customerId, boolean dryRun) {
        ServiceContract contract = contractBook.contractOfCustomer(customerId)
                .orElseThrow(() -> new NotFoundException("Customer " + customerId + " has no service contract"));
        ContractTerms terms = contract.terms();
        int updated = 0;
        int unchanged = 0;
        for (Ticket t : tickets.findOpenOfCustomer(customerId)) {
            ContractTerms held = contractBook.termsOrDefault(t.terms());
            if (contract.getId().equals(t.getContractId()) && terms.sameClocksAs(held)) {
                unchanged++;
                continue;
            }
            updated++;
            if (!dryRun) {
                t.applyContract(contract.getId(), terms);
                timeline.record(t.getId(), new CaseEvent.ContractTermsChanged(held, terms));
                recordMilestone.record(t.getId(), MilestoneKind.POLICY, "contract terms " + terms.describe());
            }
        }
        return new Result(customerId, dryRun, updated, unchanged);
    }
}
