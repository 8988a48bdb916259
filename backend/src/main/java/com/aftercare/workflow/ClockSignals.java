package com.aftercare.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import com.aftercare.sla.CaseOpening;
import com.aftercare.sla.ClockSignal;
import com.aftercare.ticket.CacheClocks;
import com.aftercare.ticket.FindTicket;

/**
 * Wakes a ticket's escalation process (escalation.bpmn) when its clocks may have changed: the waiting
 * message events catch "clockChanged", the process re-derives the clocks and moves its timer. This is
 * how a pause moves the timer jobs without any polling.
 */
@Component
class ClockSignals implements ClockSignal {

    static final String MESSAGE = "clockChanged";

    private final RuntimeService runtimeService;
    private final FindTicket tickets;
    private final CacheClocks cacheClocks;

    ClockSignals(RuntimeService runtimeService, FindTicket tickets, CacheClocks cacheClocks) {
        this.runtimeService = runtimeService;
        this.tickets = tickets;
        this.cacheClocks = cacheClocks;
    }

    @Override
    public void clocksChanged(Long ticketId) {
        if (CaseOpening.unwatched(ticketId)) {
            // a fault report being recorded: its escalation starts later in this transaction and reads every clock
            // then; a correlation now finds no listener (ADR 0053)
            return;
        }
        // The business key (the ticket number, which every process of the case carries) narrows the correlation
        // through the index on ACT_RU_EXECUTION.BUSINESS_KEY_. With the variable condition alone the engine's query
        // walks every execution of every open case and tests its variables: two of these per new ticket made opening
        // ticket 10,000 cost seconds (see docs/benchmarks.md). The variable condition stays, so the same
        // executions match as before.
        com.aftercare.ticket.Ticket ticket = tickets.get(ticketId);
        boolean watched = !runtimeService.createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(ticket.getNumber())
                .processInstanceVariableEquals("ticketId", ticketId)
                .correlateAllWithResult().isEmpty();
        if (!watched && ticket.getRequestType() != com.aftercare.ticket.RequestType.FAULT) {
            // no escalation process re-derives these clocks (a complaint, consultation or service request): the board's
            // cached clocks are brought in step here instead (ADR 0056). A fault's escalation process evaluates them as
            // it starts, so its intake pays nothing for this.
            cacheClocks.refresh(ticketId);
        }
    }
}
