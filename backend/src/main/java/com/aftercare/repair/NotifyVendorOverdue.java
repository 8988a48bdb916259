package com.aftercare.repair;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * The vendor's deadline passed and the device is not back (repair-return.bpmn "vendorReturnDeadline", RR-2): the
 * supervisor, the desk and the case's engineer are told and the timeline says so. The wait goes on: an escalation,
 * not an interruption. A device already received back is not escalated.
 */
@Service
public class NotifyVendorOverdue {

    private final FindTicket tickets;
    private final RepairSlips slips;
    private final RepairNotices notices;
    private final CaseTimeline timeline;

    NotifyVendorOverdue(FindTicket tickets, RepairSlips slips, RepairNotices notices, CaseTimeline timeline) {
        this.tickets = tickets;
        this.slips = slips;
        this.notices = notices;
        this.timeline = timeline;
    }

    @Transactional
    public void notify(long ticketId, String engineer) {
        RepairSlip slip = slips.current(ticketId);
        if (!slip.away()) {
            return;
        }
        Ticket ticket = tickets.get(ticketId);
        CaseEvent event = new CaseEvent.VendorReturnOverdue(slip.getVendorName(), slip.getSlipNumber(), slip.getExpectedReturnAt());
        notices.toRole(ticket, Role.SUPERVISOR, event);
        notices.toRole(ticket, Role.SERVICE_DESK, event);
        notices.toUser(ticket, engineer, event);
        slip.overdueNotified();
        timeline.record(ticketId, event);
    }
}
