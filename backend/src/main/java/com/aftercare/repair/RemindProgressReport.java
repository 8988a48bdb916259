package com.aftercare.repair;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * A progress report is due (repair-return.bpmn "progressTimer", RR-3): the case's engineer (or, without one, the
 * desk) is told; the answer is when the next one is due, three working days from now. When the previous report is
 * still unwritten, no second task is opened (the customer is owed one report, not a pile of them): the engineer is
 * chased, the desk told, and the timeline says the report is late.
 */
@Service
public class RemindProgressReport {

    /** When the next report is due, and whether this one is late (the model then opens no new task). */
    public record Reminder(Instant nextDue, boolean late) {
    }

    private final FindTicket tickets;
    private final RepairNotices notices;
    private final RepairCalendar calendar;
    private final CaseTimeline timeline;
    private final Clock clock;

    RemindProgressReport(FindTicket tickets, RepairNotices notices, RepairCalendar calendar, CaseTimeline timeline,
            Clock clock) {
        this.tickets = tickets;
        this.notices = notices;
        this.calendar = calendar;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * @param openSince when the report still unwritten fell due; null when every report so far was written
     */
    @Transactional
    public Reminder remind(long ticketId, String engineer, Instant openSince) {
        Ticket ticket = tickets.get(ticketId);
        boolean noEngineer = engineer == null || engineer.isBlank();
        Instant next = calendar.nextProgressDue(clock.instant(), calendar.zoneOf(ticket));
        if (openSince != null) {
            CaseEvent late = new CaseEvent.ProgressReportLate(noEngineer ? null : engineer, openSince);
            if (!noEngineer) {
                notices.toUser(ticket, engineer, late);
            }
            notices.toRole(ticket, Role.SERVICE_DESK, late);
            timeline.record(ticketId, late);
            return new Reminder(next, true);
        }
        CaseEvent event = new CaseEvent.ProgressReportDue(engineer);
        if (noEngineer) {
            notices.toRole(ticket, Role.SERVICE_DESK, event);
        } else {
            notices.toUser(ticket, engineer, event);
        }
        return new Reminder(next, false);
    }
}
