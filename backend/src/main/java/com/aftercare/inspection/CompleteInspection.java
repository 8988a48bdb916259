package com.aftercare.inspection;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The last step of inspection.bpmn: the inspection is done and its report can be read and printed. */
@Service
public class CompleteInspection {

    private final InspectionRepository inspections;
    private final Clock clock;

    CompleteInspection(InspectionRepository inspections, Clock clock) {
        this.inspections = inspections;
        this.clock = clock;
    }

    @Transactional
    public void complete(long inspectionId) {
        Inspection inspection = inspections.findById(inspectionId).orElseThrow();
        inspection.complete(clock.instant());
        inspections.saveAndFlush(inspection);
    }
}
