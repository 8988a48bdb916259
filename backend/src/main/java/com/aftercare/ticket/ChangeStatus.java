package com.aftercare.ticket;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;

/**
 * The status a model step declares (ADR 0002): called when the step starts, never from a REST request.
 * Pauses or resumes the clocks when the new status crosses the policy's line.
 */
@Service
public class ChangeStatus {

    private final LoadTicket load;
    private final ClockPause clockPause;
    private final RecordMilestone recordMilestone;
    private final Clock clock;

    ChangeStatus(LoadTicket load, ClockPause clockPause, RecordMilestone recordMilestone, Clock clock) {
        this.load = load;
        this.clockPause = clockPause;
        this.recordMilestone = recordMilestone;
        this.clock = clock;
    }

    @Transactional
    public void change(Long ticketId, TicketStatus status) {
        Ticket t = load.byId(ticketId);
        if (t.getStatus() == status) {
            return;
        }
        ClockPause.Before before = clockPause.before(t);
        t.changeStatus(status);
        t.touch(clock.instant());
        clockPause.settle(t, before, "status " + status, before.reason());
        if (status == TicketStatus.DISPATCHED) {
            recordMilestone.record(ticketId, MilestoneKind.DISPATCHED, t.getAssignee() == null ? "offered to all engineers"
                    : "to " + t.getAssignee());
        }
    }
}
