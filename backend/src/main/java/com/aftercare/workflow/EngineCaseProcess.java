package com.aftercare.workflow;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import com.aftercare.ticket.CaseProcess;
import com.aftercare.ticket.Category;

/** The ticket feature's port to the engine: a case is the model of its request type, keyed by the ticket number. */
@Component
class EngineCaseProcess implements CaseProcess {

    static final String FAULT_INTAKE = "faultIntake";
    static final String ESCALATION = "escalation";
    /** fault-intake.bpmn: the sub-process from the desk's first line to the confirmed fix, and the clock watch beside it. */
    static final String HANDLE_CASE = "handleCase";
    static final String WATCH_CLOCKS = "watchClocks";

    private final RuntimeService runtimeService;

    EngineCaseProcess(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public String startFaultIntake(FaultIntake intake) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("ticketId", intake.ticketId());
        // the decision table reads the codes, as the models name them
        variables.put("impact", intake.impact().name());
        variables.put("urgency", intake.urgency().name());
        variables.put("category", intake.category().name());
        variables.put("levelDecision", intake.levelDecision());
        return runtimeService.startProcessInstanceByKey(FAULT_INTAKE, intake.ticketNumber(), variables).getId();
    }

    @Override
    public void endCase(String ticketNumber, String reason) {
        // every process of a case carries its number as business key (see ClockSignals); a called process ends
        // with its caller, so those left when their turn comes are skipped
        for (var instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber).list()) {
            runtimeService.deleteProcessInstanceIfExists(instance.getId(), reason, true, true, true, false);
        }
    }

    @Override
    public String startRequest(RequestCase request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("ticketId", request.ticketId());
        if (request.serviceItem() != null) {
            // the service-request model routes on the catalogue item's code and on whether it costs money
            variables.put("serviceItem", request.serviceItem().name());
            variables.put("costInvolved", request.serviceItem().costInvolved());
        }
        return runtimeService.startProcessInstanceByKey(request.type().processKey(), request.ticketNumber(), variables).getId();
    }

    @Override
    public String reopenFaultCase(Long ticketId, String ticketNumber, Category category) {
        // the escalation of a closed case may still run (SLA-7: a fault report owed after closing); a second one would
        // notify every rung twice, so the clocks are watched anew only when none is left
        boolean watched = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber)
                .processDefinitionKey(ESCALATION).active().count() > 0;
        var start = runtimeService.createProcessInstanceByKey(FAULT_INTAKE).businessKey(ticketNumber)
                .setVariable("ticketId", ticketId)
                .setVariable("category", category.name())
                .startBeforeActivity(HANDLE_CASE);
        if (!watched) {
            start = start.startBeforeActivity(WATCH_CLOCKS);
        }
        return start.execute().getId();
    }
}
