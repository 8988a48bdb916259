package com.aftercare.change;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.ticket.event.CaseEvent;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The implementer (or a supervisor) records how a change in its window ended: done as planned, or undone by its
 * fallback plan. The customer who was told of it hears how it ended; the requester too.
 */
@Service
public class RecordChangeOutcome {

    @Schema(name = "ChangeOutcomeRecord")
    public record Outcome(ChangeOutcome outcome, String note) {
    }

    private final ChangeRequestRepository changes;
    private final ChangeProcess process;
    private final ReadChanges views;
    private final ChangeNotices notices;
    private final Clock clock;

    RecordChangeOutcome(ChangeRequestRepository changes, ChangeProcess process, ReadChanges views, ChangeNotices notices,
            Clock clock) {
        this.changes = changes;
        this.process = process;
        this.views = views;
        this.notices = notices;
        this.clock = clock;
    }

    @Transactional
    public ReadChanges.ChangeView record(long id, Outcome command) {
        ChangeActor actor = ChangeActor.current();
        ChangeRequest change = views.visible(id);
        boolean implementer = actor.username().equals(change.getImplementer()) && actor.has(ChangeActor.IMPLEMENTERS);
        if (!implementer && !actor.isSupervisor()) {
            throw new ForbiddenException("Only the change's implementer or a supervisor may record its outcome");
        }
        if (command == null || command.outcome() == null) {
            throw new BadRequestException("outcome", "is required (SUCCEEDED or ROLLED_BACK)");
        }
        java.util.List<BadRequestException.FieldError> errors = new java.util.ArrayList<>();
        String note = ChangeRules.text(command.note(), "note", ChangeRules.MAX_TEXT, errors);
        ChangeRules.throwIfAny(errors);
        change.finish(command.outcome(), note, actor.username(), RequestChange.micros(clock.instant()));
        changes.saveAndFlush(change);
        CaseEvent.ChangeFinished event = new CaseEvent.ChangeFinished(change.number(), change.getTitle(), command.outcome().name(),
                note);
        notices.tellCustomer(change, event);
        notices.tellStaff(event, change.getRequestedBy());
        process.finished(id);
        return views.view(change, actor);
    }
}
