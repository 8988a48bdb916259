package com.aftercare.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import com.aftercare.inspection.InspectionProcess;

/**
 * The inspection feature's port to the engine: one inspection.bpmn instance per inspection, keyed "inspection-{id}";
 * its steps wait in receive tasks that these calls correlate by message.
 */
@Component
class EngineInspectionProcess implements InspectionProcess {

    static final String KEY = "inspection";

    private final RuntimeService runtimeService;

    EngineInspectionProcess(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    static String businessKey(long inspectionId) {
        return "inspection-" + inspectionId;
    }

    @Override
    public String start(long inspectionId, Instant dueAt) {
        // the due-date timer reads dueAt (timeDate="${dueAt}"): a date, so no string format is involved
        return runtimeService.startProcessInstanceByKey(KEY, businessKey(inspectionId),
                Map.of("inspectionId", inspectionId, "dueAt", Date.from(dueAt))).getId();
    }

    @Override
    public void timeAgreed(long inspectionId) {
        correlate("inspectionTimeAgreed", inspectionId);
    }

    @Override
    public void checklistDone(long inspectionId) {
        correlate("inspectionChecklistDone", inspectionId);
    }

    @Override
    public void signed(long inspectionId) {
        correlate("inspectionSigned", inspectionId);
    }

    @Override
    public void queueProbe(long inspectionId, long deviceId) {
        // its own business key: the inspection's messages are correlated by "inspection-{id}" and must find one instance
        runtimeService.startProcessInstanceByKey("inspectionProbe", businessKey(inspectionId) + "-device-" + deviceId,
                Map.of("inspectionId", inspectionId, "deviceId", deviceId));
    }

    private void correlate(String message, long inspectionId) {
        runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(businessKey(inspectionId)).correlate();
    }
}
