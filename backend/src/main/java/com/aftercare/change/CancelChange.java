package com.aftercare.change;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.ticket.event.CaseEvent;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The requester or a supervisor withdraws a change before its window starts, with a reason. A customer who had been
 * told of it is told it is off; the implementer hears of it either way.
 */
@Service
public class CancelChange {

    @Schema(name = "ChangeCancel")
    public record Cancel(String reason) {
    }

    private final ChangeRequestRepository changes;
    private final ChangeProcess process;
    private final ReadChanges views;
    private final ChangeNotices notices;
    private final Clock clock;

    CancelChange(ChangeRequestRepository changes, ChangeProcess process, ReadChanges views, ChangeNotices notices, Clock clock) {
        this.changes = changes;
        this.process = process;
        this.views = views;
        this.notices = notices;
        this.clock = clock;
    }

    @Transactional
    public ReadChanges.ChangeView cancel(long id, Cancel command) {
        ChangeActor actor = ChangeActor.current();
        ChangeRequest change = views.visible(id);
        if (!actor.ownsOrSupervises(change)) {
            throw new ForbiddenException("Only the requester or a supervisor may cancel a change");
        }
        java.util.List<BadRequestException.FieldError> errors = new java.util.ArrayList<>();
        String reason = ChangeRules.text(command == null ? null : command.reason(), "reason", ChangeRules.MAX_NOTE, errors);
        ChangeRules.throwIfAny(errors);
        change.cancel(reason, actor.username(), RequestChange.micros(clock.instant()));
        changes.saveAndFlush(change);
        CaseEvent.ChangeCancelled event = new CaseEvent.ChangeCancelled(change.number(), change.getTitle(), change.getPlannedStart(),
                reason);
        if (change.getAnnouncedAt() != null) {
            notices.tellCustomer(change, event);
        }
        notices.tellStaff(event, change.getRequestedBy(), change.getImplementer());
        process.cancelled(id);
        return views.view(change, actor);
    }
}
