package com.aftercare.inspection;

import org.springframework.stereotype.Component;

import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

/** Finds an inspection the signed-in user may see: any for staff, their own unit's for a customer (404 otherwise). */
@Component
class Inspections {

    private final InspectionRepository inspections;

    Inspections(InspectionRepository inspections) {
        this.inspections = inspections;
    }

    Inspection visible(long id) {
        Long scope = CurrentUser.scopeCustomerId();
        return inspections.findById(id).filter(i -> scope == null || scope.equals(i.getCustomerId()))
                .orElseThrow(() -> new NotFoundException("No inspection " + id));
    }
}
