package com.aftercare.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import com.aftercare.sla.ClockSignal;

/**
 * Wakes a ticket's escalation process (escalation.bpmn) when its clocks may have changed: the waiting
 * message events catch "clockChanged", the process re-derives the clocks and moves its timer. This is
 * how a pause moves the timer jobs without any polling.
 */
@Component
class ClockSignals implements ClockSignal {

    static final String MESSAGE = "clockChanged";

    private final RuntimeService runtimeService;

    ClockSignals(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void clocksChanged(Long ticketId) {
        runtimeService.createMessageCorrelation(MESSAGE)
                .processInstanceVariableEquals("ticketId", ticketId)
                .correlateAll();
    }
}
