package com.aftercare.change;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Changes to customers' running systems (RP-5): asked for, approved, tested when major, announced, carried out. */
@RestController
@RequestMapping("/api/changes")
@Tag(name = "Changes")
class ChangeController {

    private final ReadChanges read;
    private final RequestChange request;
    private final DecideChange decide;
    private final RecordChangeTest test;
    private final RescheduleChange reschedule;
    private final CancelChange cancel;
    private final RecordChangeOutcome outcome;
    private final ConfirmChange confirm;
    private final MarkCausedFault markCaused;
    private final WithdrawCausedFault withdrawCaused;

    ChangeController(ReadChanges read, RequestChange request, DecideChange decide, RecordChangeTest test,
            RescheduleChange reschedule, CancelChange cancel, RecordChangeOutcome outcome, ConfirmChange confirm,
            MarkCausedFault markCaused, WithdrawCausedFault withdrawCaused) {
        this.markCaused = markCaused;
        this.withdrawCaused = withdrawCaused;
        this.confirm = confirm;
        this.read = read;
        this.request = request;
        this.decide = decide;
        this.test = test;
        this.reschedule = reschedule;
        this.cancel = cancel;
        this.outcome = outcome;
    }

    @GetMapping
    @Operation(summary = "Change requests, newest window first (200 at most): staff all; a customer's user their unit's announced ones. "
            + "With from and to (both, at most 62 days apart): the changes whose window overlaps them, earliest first, 500 at most "
            + "(the change calendar). awaiting=signOff: finished changes the customer has not signed off 3 days after their outcome, "
            + "oldest first (staff)")
    List<ReadChanges.ChangeView> list(@RequestParam(required = false) ChangeStatus status,
            @RequestParam(required = false) java.time.Instant from, @RequestParam(required = false) java.time.Instant to,
            @RequestParam(required = false) String awaiting) {
        if (awaiting != null) {
            if (!awaiting.equals("signOff")) {
                throw new com.aftercare.common.BadRequestException("awaiting", "must be signOff");
            }
            return read.awaitingSignOff();
        }
        return from == null && to == null ? read.list(status) : read.inRange(from, to, status);
    }

    @GetMapping("/counts")
    @Operation(summary = "How many changes wait for approval, for their test, have passed their window with no outcome, and wait for the customer's sign-off over 3 days (staff)")
    ReadChanges.Counts counts() {
        return read.counts();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One change request with what the caller may do next")
    ReadChanges.ChangeView one(@PathVariable long id) {
        return read.one(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for a change (desk, engineers, supervisors); 400 names the field, e.g. plannedStart closer than the notice time")
    ReadChanges.ChangeView create(@RequestBody RequestChange.NewChange body) {
        return request.request(body);
    }

    @PostMapping("/{id}/decision")
    @Operation(summary = "Approve or reject (a supervisor other than the requester); 409 when too late to tell the customer")
    ReadChanges.ChangeView decide(@PathVariable long id, @RequestBody DecideChange.Decision body) {
        return decide.decide(id, body);
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Record a major change's test (engineers, supervisors); passed tells the customer")
    ReadChanges.ChangeView test(@PathVariable long id, @RequestBody RecordChangeTest.TestResult body) {
        return test.record(id, body);
    }

    @PostMapping("/{id}/reschedule")
    @Operation(summary = "Move the window before it starts (requester or supervisor); an announced change is announced again")
    ReadChanges.ChangeView reschedule(@PathVariable long id, @RequestBody RescheduleChange.NewWindow body) {
        return reschedule.reschedule(id, body);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Withdraw a change before its window (requester or supervisor), with a reason")
    ReadChanges.ChangeView cancel(@PathVariable long id, @RequestBody CancelChange.Cancel body) {
        return cancel.cancel(id, body);
    }

    @PostMapping("/{id}/outcome")
    @Operation(summary = "Record how the change ended (implementer or supervisor): SUCCEEDED or ROLLED_BACK")
    ReadChanges.ChangeView outcome(@PathVariable long id, @RequestBody RecordChangeOutcome.Outcome body) {
        return outcome.record(id, body);
    }

    @PostMapping("/{id}/confirmation")
    @Operation(summary = "The customer's sign-off of a finished change (a user of the unit, or the desk/supervisor for them "
            + "naming who confirmed); once; not accepted needs an opinion and tells the supervisors")
    ReadChanges.ChangeView confirm(@PathVariable long id, @RequestBody ConfirmChange.Confirmation body) {
        return confirm.confirm(id, body);
    }

    @PostMapping("/{id}/caused-faults")
    @Operation(summary = "A supervisor judges a fault of the unit reported since the window's start caused by the change; "
            + "409 faultAlreadyCaused when judged already")
    ReadChanges.ChangeView markCaused(@PathVariable long id, @RequestBody(required = false) MarkCausedFault.NewCausedFault body) {
        try {
            return markCaused.mark(id, body);
        } catch (org.springframework.dao.DataIntegrityViolationException twoClicksAtOnce) {
            throw markCaused.lostRace(id, body.ticketId());
        }
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/{id}/caused-faults/{ticketId}")
    @Operation(summary = "A supervisor withdraws the judgement; 404 when there was none")
    ReadChanges.ChangeView withdrawCaused(@PathVariable long id, @PathVariable long ticketId) {
        return withdrawCaused.withdraw(id, ticketId);
    }
}
