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

/** IN-8: the engineer reports an abnormal event; the project manager must take it up within the PM_REPORT clock. */
@Service
@Validated
public class ReportAbnormalEvent {

    public record Command(@NotNull Long ticketId,
            @NotBlank(message = "must be 1 to 2000 characters")
            @Size(max = 2000, message = "must be 1 to 2000 characters") String description,
            boolean technical) {
    }

    private final LoadTicket load;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;

    ReportAbnormalEvent(LoadTicket load, RecordMilestone recordMilestone, CaseTimeline timeline) {
        this.load = load;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
    }

    @Transactional
    public void report(@Valid Command command) {
        load.forAction(TicketAction.REPORT_ABNORMAL_EVENT, command.ticketId());
        String description = command.description().trim();
        timeline.record(command.ticketId(), new CaseEvent.AbnormalEventReported(description, command.technical()));
        recordMilestone.record(command.ticketId(), MilestoneKind.ABNORMAL_REPORTED,
                (command.technical() ? "technical: " : "") + MilestoneNotes.abbreviate(description, 500));
    }
}
