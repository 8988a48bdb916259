package com.aftercare.change;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ForbiddenException;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The requester or a supervisor moves a change's window before it starts (the customer asked for another day, the
 * approval came too late for the notice). The new start must again be the notice time away; a change the customer had
 * already been told of is announced again with its new window by the model.
 */
@Service
public class RescheduleChange {

    @Schema(name = "ChangeReschedule")
    public record NewWindow(Instant plannedStart, Instant plannedEnd, String note) {
    }

    private final ChangeRequestRepository changes;
    private final ChangeProcess process;
    private final ReadChanges views;
    private final Clock clock;

    RescheduleChange(ChangeRequestRepository changes, ChangeProcess process, ReadChanges views, Clock clock) {
        this.changes = changes;
        this.process = process;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    public ReadChanges.ChangeView reschedule(long id, NewWindow command) {
        ChangeActor actor = ChangeActor.current();
        ChangeRequest change = views.visible(id);
        if (!actor.ownsOrSupervises(change)) {
            throw new ForbiddenException("Only the requester or a supervisor may reschedule a change");
        }
        if (command == null) {
            throw new BadRequestException("body", "is required");
        }
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        Instant start = RequestChange.micros(command.plannedStart());
        Instant end = RequestChange.micros(command.plannedEnd());
        ChangeRules.checkWindow(start, end, change.isMajor(), clock.instant(), clock.getZone(), errors);
        String note = ChangeRules.optional(command.note(), "note", ChangeRules.MAX_NOTE, errors);
        ChangeRules.throwIfAny(errors);
        if (start.equals(change.getPlannedStart()) && end.equals(change.getPlannedEnd())) {
            // a dialog saved unchanged would tell the customer again of nothing new (and could be repeated to flood them)
            throw new BadRequestException("plannedStart", "is the window already planned; nothing to move");
        }
        boolean announced = change.getStatus() == ChangeStatus.SCHEDULED;
        change.reschedule(start, end, note, clock.instant());
        changes.saveAndFlush(change);
        process.rescheduled(id, start, end, announced);
        return views.view(change, actor);
    }
}
