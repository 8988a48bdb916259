package com.aftercare.warranty;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * RR-6: a replacement of the same model or better is proposed for the case's device (dispatch.bpmn after
 * "proposeReplacement"): cause UNREPAIRABLE (the vendor could not repair it) or REPEATED_FAILURE.
 */
@Service
public class ProposeReplacement {

    private final CaseWarrantyRepository warranties;
    private final CaseTimeline timeline;

    ProposeReplacement(CaseWarrantyRepository warranties, CaseTimeline timeline) {
        this.warranties = warranties;
        this.timeline = timeline;
    }

    @Transactional
    public void propose(long ticketId, String cause, String model, String note) {
        if (!"UNREPAIRABLE".equals(cause) && !"REPEATED_FAILURE".equals(cause)) {
            throw new BadRequestException("replacementCause", "UNREPAIRABLE or REPEATED_FAILURE");
        }
        if (model == null || model.isBlank()) {
            throw new BadRequestException("replacementModel", "the model of the new device");
        }
        CaseWarranty warranty = warranties.findById(ticketId).orElseGet(() -> new CaseWarranty(ticketId));
        warranty.replacementProposed(cause, model.strip(), note == null || note.isBlank() ? null : note.strip());
        warranties.save(warranty);
        timeline.record(ticketId, new CaseEvent.ReplacementProposed(cause, model.strip()));
    }
}
