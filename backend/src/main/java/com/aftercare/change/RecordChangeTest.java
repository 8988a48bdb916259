package com.aftercare.change;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.ticket.event.CaseEvent;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An engineer or supervisor records how an approved major change's test went (RP-5 "major ones tested first"): passed,
 * the customer is told now (so the window must still be the notice time away: 409 otherwise, reschedule first); failed,
 * the request ends and a new one is asked for with a better plan.
 */
@Service
public class RecordChangeTest {

    @Schema(name = "ChangeTest")
    public record TestResult(Boolean passed, String note) {
    }

    private final ChangeRequestRepository changes;
    private final ChangeProcess process;
    private final ReadChanges views;
    private final ChangeNotices notices;
    private final Clock clock;

    RecordChangeTest(ChangeRequestRepository changes, ChangeProcess process, ReadChanges views, ChangeNotices notices, Clock clock) {
        this.changes = changes;
        this.process = process;
        this.views = views;
        this.notices = notices;
        this.clock = clock;
    }

    @Transactional
    public ReadChanges.ChangeView record(long id, TestResult command) {
        ChangeActor actor = ChangeActor.current();
        actor.require(ChangeActor.TESTERS, "record change tests");
        ChangeRequest change = views.visible(id);
        if (command == null || command.passed() == null) {
            throw new BadRequestException("passed", "is required (true when the test passed)");
        }
        java.util.List<BadRequestException.FieldError> errors = new java.util.ArrayList<>();
        String note = ChangeRules.text(command.note(), "note", ChangeRules.MAX_NOTE, errors);
        ChangeRules.throwIfAny(errors);
        boolean passed = command.passed();
        if (passed && change.getStatus() == ChangeStatus.TESTING) {
            ChangeRules.requireNoticeTime(change, clock.instant(), clock.getZone());
        }
        change.recordTest(passed, note, actor.username(), RequestChange.micros(clock.instant()));
        changes.saveAndFlush(change);
        CaseEvent.ChangeTested event = new CaseEvent.ChangeTested(change.number(), change.getTitle(), passed, actor.username(), note);
        if (passed) {
            notices.tellStaff(event, change.getRequestedBy(), change.getImplementer());
        } else {
            notices.tellSupervisors(event, change.getRequestedBy(), change.getImplementer());
        }
        process.tested(id, passed);
        return views.view(change, actor);
    }
}
