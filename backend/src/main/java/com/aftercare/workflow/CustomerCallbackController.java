package com.aftercare.workflow;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.FindTicket;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A customer's user answers the callback on their own ticket instead of waiting for the desk's call. */
@RestController
@Tag(name = "Tasks")
class CustomerCallbackController {

    private final FindTicket tickets;
    private final WorkflowTaskService tasks;

    CustomerCallbackController(FindTicket tickets, WorkflowTaskService tasks) {
        this.tickets = tickets;
        this.tasks = tasks;
    }

    @PostMapping("/api/tickets/{id}/callback-answer")
    @PreAuthorize("hasRole('CUSTOMER')")
    @Operation(summary = "The customer confirms the fix (or says it is not fixed), with satisfaction and feedback")
    ResponseEntity<Void> answer(@PathVariable Long id, @RequestBody Map<String, Object> values) {
        Ticket ticket = tickets.getVisible(id);
        tasks.answerCallback(ticket.getNumber(), values, CurrentUser.username());
        return ResponseEntity.noContent().build();
    }
}
