package com.aftercare.warranty;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Keeps the customer's answer to the quote or to the replacement once its step is completed (portal, desk, or the
 * task form): who, when, approved or not and why; the timeline says so.
 */
@Service
public class RecordAnswer {

    private final CaseWarrantyRepository warranties;
    private final CaseTimeline timeline;
    private final Clock clock;

    RecordAnswer(CaseWarrantyRepository warranties, CaseTimeline timeline, Clock clock) {
        this.warranties = warranties;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void quote(long ticketId, boolean approved, String reason, String by) {
        CaseWarranty warranty = warranties.findById(ticketId).orElseGet(() -> new CaseWarranty(ticketId));
        warranty.quoteAnswered(approved, reason, by, clock.instant());
        warranties.save(warranty);
        timeline.record(ticketId, new CaseEvent.QuoteAnswered(approved, by, reason));
    }

    @Transactional
    public void replacement(long ticketId, boolean approved, String reason, String by) {
        CaseWarranty warranty = warranties.findById(ticketId).orElseGet(() -> new CaseWarranty(ticketId));
        warranty.replacementAnswered(approved, reason, by, clock.instant());
        warranties.save(warranty);
        timeline.record(ticketId, new CaseEvent.ReplacementAnswered(approved, by, reason));
    }
}
