package com.aftercare.repair;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * The engineer wrote a progress report (repair-return.bpmn "writeProgressReport", RR-3): it is kept with the slip,
 * put on the case's timeline, and sent to the end user who reported the fault and the customer's IT contact.
 */
@Service
public class SendProgressReport {

    private final FindTicket tickets;
    private final RepairSlips slips;
    private final ProgressReportRepository reports;
    private final RepairNotices notices;
    private final CaseTimeline timeline;
    private final Clock clock;

    SendProgressReport(FindTicket tickets, RepairSlips slips, ProgressReportRepository reports, RepairNotices notices,
            CaseTimeline timeline, Clock clock) {
        this.tickets = tickets;
        this.slips = slips;
        this.reports = reports;
        this.notices = notices;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void send(long ticketId, String body, String writtenBy) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("progressReport", "is required");
        }
        if (body.strip().length() > 4000) {
            throw new BadRequestException("progressReport", "at most 4000 characters");
        }
        RepairSlip slip = slips.current(ticketId);
        Ticket ticket = tickets.get(ticketId);
        reports.save(new ProgressReport(ticketId, slip.getId(), body.strip(), writtenBy, clock.instant()));
        CaseEvent event = new CaseEvent.ProgressReported(slip.getVendorName(), body.strip());
        timeline.record(ticketId, event);
        notices.toCustomer(ticket, event);
    }
}
