package com.aftercare.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** IN-7: the engineer reports a delay or cannot go; the desk must re-dispatch within the REDISPATCH clock. */
@Service
@Validated
public class ReportDelay {

    public record Command(@NotNull Long ticketId,
            @NotBlank(message = "must be 1 to 1000 characters")
            @Size(max = 1000, message = "must be 1 to 1000 characters") String reason) {
    }

    private final LoadTicket load;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;

    ReportDelay(LoadTicket load, RecordMilestone recordMilestone, CaseTimeline timeline) {
        this.load = load;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
    }

    @Transactional
    public void report(@Valid Command command) {
        load.forAction(TicketAction.REPORT_DELAY, command.ticketId());
        String reason = command.reason().trim();
        timeline.record(command.ticketId(), new CaseEvent.DelayReported(reason));
        recordMilestone.record(command.ticketId(), MilestoneKind.DELAY_REPORTED, MilestoneNotes.abbreviate(reason, 500));
    }
}
