package com.aftercare.escalation;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.Evaluation;
import com.aftercare.sla.CaseOpening;
import com.aftercare.sla.Milestone;
import com.aftercare.ticket.CacheClocks;
import com.aftercare.ticket.FindTicket;

/**
 * The escalation model's first step after every change: derive the ticket's clocks now, record the
 * clocks that stopped, keep the ticket list's due-time columns in step, and say what to wait for next.
 */
@Service
public class EvaluateClocks {

    private final FindTicket tickets;
    private final CacheClocks cacheClocks;
    private final ClockEvaluation clockEvaluation;

    EvaluateClocks(FindTicket tickets, CacheClocks cacheClocks, ClockEvaluation clockEvaluation) {
        this.tickets = tickets;
        this.cacheClocks = cacheClocks;
        this.clockEvaluation = clockEvaluation;
    }

    /**
     * @param outcome what the model does next (its gateway reads the name)
     * @param nextEscalationAt when the next rung is due; null unless the outcome is TIMER
     */
    public record Result(Evaluation.Outcome outcome, Instant nextEscalationAt) {
    }

    @Transactional
    public Result evaluate(long ticketId) {
        return evaluate(ticketId, false);
    }

    /**
     * {@code opening}: the first evaluation of a case whose ticket this transaction inserted (a fault report, ADR
     * 0062): no clock log and no board rows of it can exist yet, so neither is read or deleted.
     */
    @Transactional
    public Result evaluate(long ticketId, boolean opening) {
        Evaluation evaluation = clockEvaluation.evaluate(tickets.clockTicket(ticketId), opening);
        cacheClocks.cache(ticketId, evaluation.clocks(), opening);
        return new Result(evaluation.outcome(), evaluation.nextAt());
    }

    /**
     * The first evaluation of a case being opened, with every milestone it has ({@link CaseOpening#watched}): nothing of
     * its clocks is read from the database (ADR 0074), nor its clock log and board rows (ADR 0062).
     */
    @Transactional
    public Result evaluateOpening(long ticketId, List<Milestone> openingMilestones) {
        Evaluation evaluation = clockEvaluation.evaluate(tickets.clockTicket(ticketId), true, openingMilestones);
        cacheClocks.cache(ticketId, evaluation.clocks(), true);
        return new Result(evaluation.outcome(), evaluation.nextAt());
    }
}
