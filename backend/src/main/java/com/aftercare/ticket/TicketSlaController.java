package com.aftercare.ticket;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;

/**
 * What people do to a ticket's clocks besides working its tasks: hold and resume, correct the level,
 * check in on site, hand in plans and reports, report delays and abnormal events (IN-7, IN-8).
 */
@RestController
class TicketSlaController {

    private final FindTicket findTicket;
    private final PutOnHold putOnHold;
    private final ReleaseHold releaseHold;
    private final ChangeLevel changeLevel;
    private final RecordOnSiteArrival recordOnSiteArrival;
    private final SubmitDeliverable submitDeliverable;
    private final ReportDelay reportDelay;
    private final TicketActions actions;

    TicketSlaController(FindTicket findTicket, PutOnHold putOnHold, ReleaseHold releaseHold, ChangeLevel changeLevel,
            RecordOnSiteArrival recordOnSiteArrival, SubmitDeliverable submitDeliverable, ReportDelay reportDelay,
            TicketActions actions) {
        this.findTicket = findTicket;
        this.putOnHold = putOnHold;
        this.releaseHold = releaseHold;
        this.changeLevel = changeLevel;
        this.recordOnSiteArrival = recordOnSiteArrival;
        this.submitDeliverable = submitDeliverable;
        this.reportDelay = reportDelay;
        this.actions = actions;
    }

    /**
     * Codes stay strings here so the caller's role is checked before anything about the input is said;
     * an unknown code becomes null and the command names the field.
     */
    record HoldRequest(String reason, String note) {
    }

    record LevelRequest(String level, String reason) {
    }

    record DeliverableRequest(String kind, String text) {
    }

    record DelayRequest(String reason) {
    }

    @PostMapping("/api/tickets/{id}/hold")
    Map<String, Object> hold(@PathVariable Long id, @RequestBody HoldRequest body) {
        allowedCaller(TicketAction.HOLD, id);
        requireBody(body);
        Ticket t = putOnHold.hold(new PutOnHold.Command(id, HoldReason.fromCode(body.reason()), body.note()));
        return Map.of("id", t.getId(), "holdReason", t.getHoldReason());
    }

    @DeleteMapping("/api/tickets/{id}/hold")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void releaseHold(@PathVariable Long id) {
        allowedCaller(TicketAction.RESUME, id);
        releaseHold.release(id);
    }

    @PutMapping("/api/tickets/{id}/level")
    Map<String, Object> changeLevel(@PathVariable Long id, @RequestBody LevelRequest body) {
        allowedCaller(TicketAction.CHANGE_LEVEL, id);
        requireBody(body);
        Ticket t = changeLevel.change(new ChangeLevel.Command(id, body.level(), body.reason()));
        return Map.of("id", t.getId(), "level", t.getLevel());
    }

    @PostMapping("/api/tickets/{id}/on-site")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void arrivedOnSite(@PathVariable Long id) {
        allowedCaller(TicketAction.ARRIVE_ON_SITE, id);
        recordOnSiteArrival.record(id, CurrentUser.username());
    }

    @PostMapping("/api/tickets/{id}/deliverables")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void submitDeliverable(@PathVariable Long id, @RequestBody DeliverableRequest body) {
        TicketAction action = body == null ? null : TicketAction.submitting(body.kind());
        // every hand-in has the same people; an unknown kind is then the request's fault (400 from the use case)
        allowedCaller(action == null ? TicketAction.SUBMIT_FAULT_REPORT : action, id);
        requireBody(body);
        submitDeliverable.submit(new SubmitDeliverable.Command(id, DeliverableKind.fromCode(body.kind()), body.text()));
    }

    @PostMapping("/api/tickets/{id}/delay")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reportDelay(@PathVariable Long id, @RequestBody DelayRequest body) {
        allowedCaller(TicketAction.REPORT_DELAY, id);
        requireBody(body);
        reportDelay.report(new ReportDelay.Command(id, body.reason()));
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new BadRequestException("body", "a JSON body is required");
        }
    }

    /** The role first (403 before anything about the ticket is told), then the ticket's assignee where that matters. */
    private void allowedCaller(TicketAction action, Long id) {
        actions.requireRole(action);
        actions.requireActor(action, findTicket.get(id));
    }
}
