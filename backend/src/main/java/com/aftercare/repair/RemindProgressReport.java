package com.aftercare.repair;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;

/**
 * A progress report is due (repair-return.bpmn "progressTimer", RR-3): the case's engineer (or, without one, the
 * desk) is told; the answer is when the next one is due, three working days from now.
 */
@Service
public class RemindProgressReport {

    private final FindTicket tickets;
    private final RepairNotices notices;
    private final RepairCalendar calendar;
    private final Clock clock;

    RemindProgressReport(FindTicket tickets, RepairNotices notices, RepairCalendar calendar, Clock clock) {
        this.tickets = tickets;
        this.notices = notices;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    public Instant remind(long ticketId, String engineer) {
        Ticket ticket = tickets.get(ticketId);
        CaseEvent event = new CaseEvent.ProgressReportDue(engineer);
        if (engineer == null || engineer.isBlank()) {
            notices.toRole(ticket, Role.SERVICE_DESK, event);
        } else {
            notices.toUser(ticket, engineer, event);
        }
        return calendar.nextProgressDue(clock.instant(), calendar.zoneOf(ticket));
    }
}
