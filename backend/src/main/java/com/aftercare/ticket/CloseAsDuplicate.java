package com.aftercare.ticket;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.UnprocessableException;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Closes a case reported twice as the duplicate of the case that goes on (issue 15, ADR 0040): its processes end
 * (no second set of clocks and escalations chases the same fault), the CLOSED milestone stops its clocks, and its
 * timeline (which the requester's unit sees) says which case carries on. Only a case nobody has started to work on
 * can be closed this way; once dispatched it is linked as related instead. A case already closed stays as it is.
 */
@Service
public class CloseAsDuplicate {

    /** The states in which no engineer holds the case yet. */
    static final Set<TicketStatus> NOT_YET_WORKED = EnumSet.of(TicketStatus.NEW, TicketStatus.AT_DESK,
            TicketStatus.AWAITING_DISPATCH);

    private final LoadTicket load;
    private final CaseProcess caseProcess;
    private final ClockPause clockPause;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;
    private final Clock clock;

    CloseAsDuplicate(LoadTicket load, CaseProcess caseProcess, ClockPause clockPause, RecordMilestone recordMilestone,
            CaseTimeline timeline, Clock clock) {
        this.load = load;
        this.caseProcess = caseProcess;
        this.clockPause = clockPause;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Whether the case may be closed as a duplicate now (or is closed already). */
    @Transactional(readOnly = true)
    public void check(Long duplicateId, String field) {
        Ticket t = load.byId(duplicateId);
        if (t.getStatus() != TicketStatus.CLOSED && !NOT_YET_WORKED.contains(t.getStatus())) {
            throw new UnprocessableException(field, "the case is already being worked on; link it as related instead");
        }
    }

    @Transactional
    public void close(Long duplicateId, String originalNumber) {
        Ticket t = load.withSite(duplicateId);
        if (t.getStatus() == TicketStatus.CLOSED) {
            return;
        }
        check(duplicateId, "kind");
        boolean pausedBefore = clockPause.paused(t);
        caseProcess.endCase(t.getNumber(), "duplicate of " + originalNumber);
        t.hold(null);
        t.close(clock.instant());
        recordMilestone.record(duplicateId, MilestoneKind.CLOSED, "duplicate of " + originalNumber);
        if (pausedBefore) {
            recordMilestone.record(duplicateId, MilestoneKind.RESUMED, "closed");
        }
        timeline.record(duplicateId, new CaseEvent.ClosedAsDuplicate(originalNumber));
    }
}
