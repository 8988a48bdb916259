package com.aftercare.change;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.configitem.ApplyChangeToConfigItems;
import com.aftercare.common.ForbiddenException;
import com.aftercare.ticket.event.CaseEvent;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The implementer (or a supervisor) records how a change in its window ended: done as planned, or undone by its
 * fallback plan. The customer who was told of it hears how it ended; the requester too.
 */
@Service
public class RecordChangeOutcome {

    /** itemUpdates: with SUCCEEDED only, what the change set on the configuration items it names (one each at most). */
    @Schema(name = "ChangeOutcomeRecord")
    public record Outcome(ChangeOutcome outcome, String note, List<ItemUpdate> itemUpdates) {
    }

    /** An item's new version and core parameters after the change; null or blank leaves a field as it was. */
    @Schema(name = "ChangeItemUpdate")
    public record ItemUpdate(Long itemId, String version, String parameters) {
    }

    private final ChangeRequestRepository changes;
    private final ChangeProcess process;
    private final ReadChanges views;
    private final ChangeNotices notices;
    private final ApplyChangeToConfigItems items;
    private final Clock clock;

    RecordChangeOutcome(ChangeRequestRepository changes, ChangeProcess process, ReadChanges views, ChangeNotices notices,
            ApplyChangeToConfigItems items, Clock clock) {
        this.items = items;
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
        List<ApplyChangeToConfigItems.Update> updates = updates(command, change, errors);
        ChangeRules.throwIfAny(errors);
        Instant now = RequestChange.micros(clock.instant());
        change.finish(command.outcome(), note, actor.username(), now);
        changes.saveAndFlush(change);
        items.apply(change.getId(), change.getCustomerId(), updates, actor.username(), now);
        CaseEvent.ChangeFinished event = new CaseEvent.ChangeFinished(change.number(), change.getTitle(), command.outcome().name(),
                note);
        notices.tellCustomer(change, event);
        notices.tellStaff(event, change.getRequestedBy());
        process.finished(id);
        return views.view(change, actor);
    }

    /** The item updates, checked: only after a change that succeeded, only its own items, each once. */
    private static List<ApplyChangeToConfigItems.Update> updates(Outcome command, ChangeRequest change,
            List<BadRequestException.FieldError> errors) {
        List<ItemUpdate> given = command.itemUpdates();
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        if (command.outcome() != ChangeOutcome.SUCCEEDED) {
            errors.add(new BadRequestException.FieldError("itemUpdates", "only a change that succeeded updates its items"));
            return List.of();
        }
        List<Long> named = change.configItemIdList();
        Set<Long> seen = new HashSet<>();
        List<ApplyChangeToConfigItems.Update> updates = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ItemUpdate u = given.get(i);
            String field = "itemUpdates[" + i + "].itemId";
            if (u == null || u.itemId() == null) {
                errors.add(new BadRequestException.FieldError(field, "is required"));
                continue;
            }
            if (!named.contains(u.itemId())) {
                errors.add(new BadRequestException.FieldError(field, "item " + u.itemId() + " is not one the change names"));
                continue;
            }
            if (!seen.add(u.itemId())) {
                errors.add(new BadRequestException.FieldError(field, "item " + u.itemId() + " is given twice"));
                continue;
            }
            ApplyChangeToConfigItems.Update update = new ApplyChangeToConfigItems.Update(u.itemId(), u.version(), u.parameters());
            ApplyChangeToConfigItems.check(update, i, errors);
            updates.add(update);
        }
        return updates;
    }
}
