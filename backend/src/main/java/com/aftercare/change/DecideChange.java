package com.aftercare.change;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.ticket.event.CaseEvent;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A supervisor who did not ask for the change approves or rejects it (RP-5 "approval"; seed 003: 变更管理 ... 审核).
 * Approving a normal change tells the customer at once, so the window must still be the notice time away (409 if not:
 * reschedule first); a major change goes to its test first. Rejecting needs a reason.
 */
@Service
public class DecideChange {

    @Schema(name = "ChangeDecision")
    public record Decision(Boolean approve, String note) {
    }

    private final ChangeRequestRepository changes;
    private final ChangeProcess process;
    private final ReadChanges views;
    private final ChangeNotices notices;
    private final Clock clock;

    DecideChange(ChangeRequestRepository changes, ChangeProcess process, ReadChanges views, ChangeNotices notices, Clock clock) {
        this.changes = changes;
        this.process = process;
        this.views = views;
        this.notices = notices;
        this.clock = clock;
    }

    @Transactional
    public ReadChanges.ChangeView decide(long id, Decision command) {
        ChangeActor actor = ChangeActor.current();
        actor.require(ChangeActor.APPROVERS, "approve or reject change requests");
        ChangeRequest change = views.visible(id);
        if (actor.username().equals(change.getRequestedBy())) {
            throw new ForbiddenException("A change request is approved or rejected by a supervisor other than its requester");
        }
        if (command == null || command.approve() == null) {
            throw new BadRequestException("approve", "is required (true to approve, false to reject)");
        }
        boolean approve = command.approve();
        java.util.List<BadRequestException.FieldError> errors = new java.util.ArrayList<>();
        String note = approve ? ChangeRules.optional(command.note(), "note", ChangeRules.MAX_NOTE, errors)
                : ChangeRules.text(command.note(), "note", ChangeRules.MAX_NOTE, errors);
        ChangeRules.throwIfAny(errors);
        if (approve && !change.isMajor() && change.getStatus() == ChangeStatus.SUBMITTED) {
            ChangeRules.requireNoticeTime(change, clock.instant(), clock.getZone());
        }
        change.decide(approve, note, actor.username(), RequestChange.micros(clock.instant()));
        changes.saveAndFlush(change);
        notices.tellStaff(new CaseEvent.ChangeDecided(change.number(), change.getTitle(), approve, actor.username(), note),
                change.getRequestedBy(), change.getImplementer());
        // the model announces an approved normal change within this transaction: a failed notice undoes the approval
        process.decided(id, approve);
        return views.view(change, actor);
    }
}
