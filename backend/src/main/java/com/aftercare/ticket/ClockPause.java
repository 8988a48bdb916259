package com.aftercare.ticket;

import org.springframework.stereotype.Component;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Clocks pause while the case waits on someone else; the policy lists which hold reasons and statuses
 * count. Use cases that change either take a {@link Before} first and {@link #settle} afterwards, so a
 * pause or resume is recorded exactly when the change crosses the line.
 */
@Component
class ClockPause {

    private final ClockEvaluation clockEvaluation;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;

    ClockPause(ClockEvaluation clockEvaluation, RecordMilestone recordMilestone, CaseTimeline timeline) {
        this.clockEvaluation = clockEvaluation;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
    }

    /** Whether the clocks were paused before the change, and by what (a hold reason or a status). */
    record Before(boolean paused, String reason) {
    }

    Before before(Ticket t) {
        return new Before(paused(t), reason(t));
    }

    boolean paused(Ticket t) {
        return clockEvaluation.pauses(t.getPolicyId(), t.getHoldReason()) || clockEvaluation.pauses(t.getPolicyId(), t.getStatus().name());
    }

    /**
     * Records a pause or a resume if the change crossed the line. why is the milestone's note; cause is
     * what the timeline says ended the pause (null when a hold was released).
     */
    void settle(Ticket t, Before before, String why, String cause) {
        boolean pausedNow = paused(t);
        if (pausedNow && !before.paused()) {
            String reason = reason(t);
            recordMilestone.record(t.getId(), MilestoneKind.PAUSED, reason);
            timeline.record(t.getId(), new CaseEvent.ClocksPaused(reason));
        } else if (!pausedNow && before.paused()) {
            recordMilestone.record(t.getId(), MilestoneKind.RESUMED, why);
            timeline.record(t.getId(), new CaseEvent.ClocksResumed(cause));
        }
    }

    private String reason(Ticket t) {
        return clockEvaluation.pauses(t.getPolicyId(), t.getHoldReason()) ? t.getHoldReason() : t.getStatus().name();
    }
}
