package com.aftercare.ticket;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;

/**
 * What people do to a ticket's clocks besides working its tasks: hold and resume, correct the level,
 * check in on site, hand in plans and reports, report delays and abnormal events (IN-7, IN-8).
 */
@RestController
class TicketSlaController {

    private final TicketService tickets;

    TicketSlaController(TicketService tickets) {
        this.tickets = tickets;
    }

    record HoldRequest(String reason, String note) {
    }

    record LevelRequest(String level, String reason) {
    }

    record DeliverableRequest(String kind, String text) {
    }

    record DelayRequest(String reason) {
    }

    @PostMapping("/api/tickets/{id}/hold")
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'ENGINEER', 'SUPERVISOR', 'ADMIN')")
    Map<String, Object> hold(@PathVariable Long id, @RequestBody HoldRequest body) {
        requireBody(body);
        requireOwnTicketIfOnlyEngineer(id);
        Ticket t = tickets.hold(id, body.reason(), body.note());
        return Map.of("id", t.getId(), "holdReason", t.getHoldReason());
    }

    @DeleteMapping("/api/tickets/{id}/hold")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'ENGINEER', 'SUPERVISOR', 'ADMIN')")
    void releaseHold(@PathVariable Long id) {
        requireOwnTicketIfOnlyEngineer(id);
        tickets.releaseHold(id);
    }

    @PutMapping("/api/tickets/{id}/level")
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'SUPERVISOR', 'ADMIN')")
    Map<String, Object> changeLevel(@PathVariable Long id, @RequestBody LevelRequest body) {
        requireBody(body);
        Ticket t = tickets.changeLevel(id, body.level(), body.reason());
        return Map.of("id", t.getId(), "level", t.getLevel());
    }

    @PostMapping("/api/tickets/{id}/on-site")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ENGINEER', 'ADMIN')")
    void arrivedOnSite(@PathVariable Long id) {
        requireAssignedEngineer(id);
        tickets.arrivedOnSite(id, CurrentUser.username());
    }

    @PostMapping("/api/tickets/{id}/deliverables")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'ENGINEER', 'SUPERVISOR', 'ADMIN')")
    void submitDeliverable(@PathVariable Long id, @RequestBody DeliverableRequest body) {
        requireBody(body);
        tickets.submitDeliverable(id, body.kind(), body.text());
    }

    @PostMapping("/api/tickets/{id}/delay")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ENGINEER', 'ADMIN')")
    void reportDelay(@PathVariable Long id, @RequestBody DelayRequest body) {
        requireBody(body);
        requireAssignedEngineer(id);
        tickets.reportDelay(id, body.reason());
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new BadRequestException("body", "a JSON body is required");
        }
    }

    /**
     * Holding stops a ticket's clocks, so an engineer may do it only for the ticket they are assigned to; the
     * desk, supervisors and admins manage every ticket's hold, as before.
     */
    void requireOwnTicketIfOnlyEngineer(Long id) {
        java.util.Set<Role> roles = CurrentUser.roles();
        if (roles.contains(Role.SERVICE_DESK) || roles.contains(Role.SUPERVISOR) || roles.contains(Role.ADMIN)) {
            return;
        }
        requireAssignedEngineer(id);
    }

    /** Field actions are the assigned engineer's; an admin may act for them. */
    void requireAssignedEngineer(Long id) {
        if (CurrentUser.roles().contains(Role.ADMIN)) {
            return;
        }
        String assignee = tickets.get(id).getAssignee();
        if (assignee == null || !assignee.equals(CurrentUser.username())) {
            throw new ForbiddenException("Only the engineer assigned to this ticket"
                    + (assignee == null ? "" : " (" + assignee + ")") + " may do this");
        }
    }
}
