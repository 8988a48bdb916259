package com.aftercare.escalation;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.SlaService;
import com.aftercare.ticket.TicketService;

/**
 * The escalation model's first step after every change: derive the ticket's clocks now, record the
 * clocks that stopped, keep the ticket list's due-time columns in step, and say what to wait for next.
 */
@Service
public class EvaluateClocks {

    private final TicketService tickets;
    private final SlaService sla;

    EvaluateClocks(TicketService tickets, SlaService sla) {
        this.tickets = tickets;
        this.sla = sla;
    }

    /**
     * @param outcome what the model does next (its gateway reads the name)
     * @param nextEscalationAt when the next rung is due; null unless the outcome is TIMER
     */
    public record Result(SlaService.Outcome outcome, Instant nextEscalationAt) {
    }

    @Transactional
    public Result evaluate(long ticketId) {
        SlaService.Evaluation evaluation = sla.evaluate(tickets.clockTicket(ticketId));
        tickets.cacheClocks(ticketId, evaluation.clocks());
        return new Result(evaluation.outcome(), evaluation.nextAt());
    }
}
