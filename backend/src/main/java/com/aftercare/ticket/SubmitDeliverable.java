package com.aftercare.ticket;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** A solution plan, contingency plan (SLA-6) or fault report (SLA-7) handed in; stops its clock. */
@Service
@Validated
public class SubmitDeliverable {

    /** kind: null when the request named none or an unknown one ({@link DeliverableKind#fromCode}). */
    public record Command(@NotNull Long ticketId,
            @NotNull(message = "one of [CONTINGENCY_PLAN, FAULT_REPORT, SOLUTION_PLAN]") DeliverableKind kind,
            @NotBlank(message = "must be 1 to 20000 characters")
            @Size(max = 20000, message = "must be 1 to 20000 characters") String text) {
    }

    private final LoadTicket load;
    private final TicketActions actions;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;
    private final Clock clock;

    SubmitDeliverable(LoadTicket load, TicketActions actions, RecordMilestone recordMilestone, CaseTimeline timeline, Clock clock) {
        this.load = load;
        this.actions = actions;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void submit(@Valid Command command) {
        Ticket t = load.byId(command.ticketId());
        actions.requireState(TicketAction.submitting(command.kind()), t);
        String text = command.text().trim();
        t.touch(clock.instant());
        timeline.record(t.getId(), new CaseEvent.DeliverableSubmitted(command.kind().name(), text));
        recordMilestone.record(t.getId(), command.kind().milestone(), MilestoneNotes.abbreviate(text, 500));
    }

    /**
     * A process step produced the deliverable (the desk accepted the service form, which is the fault report: see
     * docs/adr/0026): it is recorded like one handed in, if the case owes it now. A case that owes none (its level
     * has no such commitment, or the report was already handed in) is left as it is, so the step is never refused
     * for it.
     *
     * @return whether the deliverable was recorded
     */
    @Transactional
    public boolean submitIfOwed(long ticketId, DeliverableKind kind, String text) {
        Ticket t = load.byId(ticketId);
        if (text == null || text.isBlank() || !actions.allowsState(TicketAction.submitting(kind), t)) {
            return false;
        }
        submit(new Command(ticketId, kind, text.length() > 20000 ? text.substring(0, 20000) : text));
        return true;
    }
}
