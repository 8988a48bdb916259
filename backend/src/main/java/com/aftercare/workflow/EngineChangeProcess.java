package com.aftercare.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import com.aftercare.change.ChangeProcess;

/**
 * The change feature's port to the engine: one change-request.bpmn instance per change request, keyed "change-{id}";
 * its steps wait in receive tasks (and, before the window, an event-based gateway) that these calls correlate by message.
 * The window's times are dates (timeDate="${plannedStart}"), so no string format is involved.
 */
@Component
class EngineChangeProcess implements ChangeProcess {

    static final String KEY = "changeRequest";

    private final RuntimeService runtimeService;

    EngineChangeProcess(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    static String businessKey(long changeId) {
        return "change-" + changeId;
    }

    @Override
    public String start(long changeId, boolean major, Instant plannedStart, Instant plannedEnd) {
        return runtimeService.startProcessInstanceByKey(KEY, businessKey(changeId), Map.of("changeId", changeId, "major", major,
                "plannedStart", Date.from(plannedStart), "plannedEnd", Date.from(plannedEnd))).getId();
    }

    @Override
    public void decided(long changeId, boolean approved) {
        runtimeService.createMessageCorrelation("changeDecided").processInstanceBusinessKey(businessKey(changeId))
                .setVariable("approved", approved).correlate();
    }

    @Override
    public void tested(long changeId, boolean passed) {
        runtimeService.createMessageCorrelation("changeTested").processInstanceBusinessKey(businessKey(changeId))
                .setVariable("passed", passed).correlate();
    }

    @Override
    public void rescheduled(long changeId, Instant plannedStart, Instant plannedEnd, boolean announced) {
        Map<String, Object> window = Map.of("plannedStart", Date.from(plannedStart), "plannedEnd", Date.from(plannedEnd));
        if (announced) {
            // waiting at the event-based gateway: the message path announces again and sets a new window timer
            runtimeService.createMessageCorrelation("changeRescheduled").processInstanceBusinessKey(businessKey(changeId))
                    .setVariables(window).correlate();
        } else {
            // before approval or the test no timer exists yet; it reads these when it is created
            String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(changeId))
                    .processDefinitionKey(KEY).singleResult().getId();
            runtimeService.setVariables(instance, window);
        }
    }

    @Override
    public void cancelled(long changeId) {
        runtimeService.createMessageCorrelation("changeCancelled").processInstanceBusinessKey(businessKey(changeId)).correlate();
    }

    @Override
    public void finished(long changeId) {
        runtimeService.createMessageCorrelation("changeFinished").processInstanceBusinessKey(businessKey(changeId)).correlate();
    }
}
