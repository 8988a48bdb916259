package com.aftercare.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import com.aftercare.probe.RecheckQueue;

/**
 * Queues a recheck as an instance of device-recheck.bpmn: one external task on the probe topic, carrying the case's
 * ticketId (which routes it to the site's agent) and, like every process of a case, its number as business key (so a
 * case closed as a duplicate ends it too, see EngineCaseProcess).
 */
@Component
class EngineRecheckQueue implements RecheckQueue {

    static final String PROCESS = "deviceRecheck";

    private final RuntimeService runtime;

    EngineRecheckQueue(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void queue(Long ticketId, String ticketNumber) {
        runtime.startProcessInstanceByKey(PROCESS, ticketNumber, Map.of("ticketId", ticketId));
    }

    @Override
    public boolean queued(String ticketNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(ticketNumber)
                .count() > 0;
    }
}
