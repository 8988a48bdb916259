package com.aftercare.workflow.steps;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aftercare.inspection.CompleteInspection;
import com.aftercare.inspection.NotifyInspectionOverdue;
import com.aftercare.inspection.OpenDueInspections;
import com.aftercare.inspection.OpenInspectionFaults;

/**
 * The service tasks of inspection-plans.bpmn and inspection.bpmn (issue 16, PM-1..PM-5); each calls one use case.
 * The bean names are the models' delegate expressions; inspectionId is the one variable they read.
 */
@Configuration
class InspectionSteps {

    /** openDueInspections: the inspections of today's cycle windows; openedInspections is left for the history. */
    @Bean
    JavaDelegate dueInspectionsDelegate(OpenDueInspections open) {
        return execution -> execution.setVariable("openedInspections", open.openDue());
    }

    /** openFaultCases: a fault case for every failed checklist line. */
    @Bean
    JavaDelegate inspectionFaultsDelegate(OpenInspectionFaults faults) {
        return execution -> execution.setVariable("failedItems", faults.open(inspectionId(execution.getVariable("inspectionId"))));
    }

    /** completeInspection: done, the report can be read. */
    @Bean
    JavaDelegate completeInspectionDelegate(CompleteInspection complete) {
        return execution -> complete.complete(inspectionId(execution.getVariable("inspectionId")));
    }

    /** notifyOverdue: the supervisors hear of an inspection not done by the end of its window. */
    @Bean
    JavaDelegate inspectionOverdueDelegate(NotifyInspectionOverdue notify) {
        return execution -> notify.notifyOverdue(inspectionId(execution.getVariable("inspectionId")));
    }

    private static long inspectionId(Object value) {
        return ((Number) value).longValue();
    }
}
