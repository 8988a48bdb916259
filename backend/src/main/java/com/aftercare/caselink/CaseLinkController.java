package com.aftercare.caselink;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotNull;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;
import com.aftercare.ticket.FindCallers;
import com.aftercare.ticket.OpenCasesOnDevice;
import com.aftercare.ticket.TicketSummary;

/**
 * Intake knows the caller (issue 15): who calls from a phone number, which cases are open on a device, and links
 * between cases. Staff only (customers' users do not reach these routes, see CustomerRoutes); linking is the desk's
 * and the supervisor's.
 */
@RestController
class CaseLinkController {

    private static final Set<Role> LINKERS = Set.of(Role.SERVICE_DESK, Role.SUPERVISOR);

    private final FindCallers findCallers;
    private final OpenCasesOnDevice openCasesOnDevice;
    private final LinkCases linkCases;
    private final UnlinkCases unlinkCases;
    private final ListLinkedCases listLinkedCases;

    CaseLinkController(FindCallers findCallers, OpenCasesOnDevice openCasesOnDevice, LinkCases linkCases,
            UnlinkCases unlinkCases, ListLinkedCases listLinkedCases) {
        this.findCallers = findCallers;
        this.openCasesOnDevice = openCasesOnDevice;
        this.linkCases = linkCases;
        this.unlinkCases = unlinkCases;
        this.listLinkedCases = listLinkedCases;
    }

    /** The known callers whose phone number is, or ends with, these digits (at least 4). */
    @GetMapping("/api/callers")
    List<FindCallers.Caller> callers(@RequestParam String phone) {
        requireAny(Set.of(Role.SERVICE_DESK, Role.SUPERVISOR, Role.ADMIN), "Only the service desk looks callers up");
        return findCallers.byPhone(phone);
    }

    /** The cases still open on a device, oldest first: the intake form warns before a second one is opened. */
    @GetMapping("/api/devices/{deviceId}/open-cases")
    List<TicketSummary> openCases(@PathVariable long deviceId) {
        return openCasesOnDevice.of(deviceId);
    }

    @GetMapping("/api/tickets/{ticketId}/links")
    List<LinkedCase> links(@PathVariable long ticketId) {
        return listLinkedCases.of(ticketId);
    }

    /** otherTicketId: the case to link to; kind RELATED, or DUPLICATE_OF (this case is closed as its duplicate). */
    record LinkRequest(@NotNull Long otherTicketId, @NotNull LinkKind kind) {
    }

    @PostMapping("/api/tickets/{ticketId}/links")
    ResponseEntity<LinkedCase> link(@PathVariable long ticketId, @RequestBody LinkRequest request) {
        requireAny(LINKERS, "Only the service desk or a supervisor may link cases");
        LinkCases.Linked linked;
        try {
            linked = linkCases.link(ticketId, request.otherTicketId(), request.kind());
        } catch (DataIntegrityViolationException e) {
            // the same link made twice at once: the second answers with the first
            linked = linkCases.link(ticketId, request.otherTicketId(), request.kind());
        }
        return ResponseEntity.status(linked.isNew() ? HttpStatus.CREATED : HttpStatus.OK).body(linked.link());
    }

    @DeleteMapping("/api/tickets/{ticketId}/links/{otherTicketId}")
    ResponseEntity<Void> unlink(@PathVariable long ticketId, @PathVariable long otherTicketId) {
        requireAny(LINKERS, "Only the service desk or a supervisor may unlink cases");
        unlinkCases.unlink(ticketId, otherTicketId);
        return ResponseEntity.noContent().build();
    }

    private static void requireAny(Set<Role> allowed, String message) {
        if (CurrentUser.roles().stream().noneMatch(allowed::contains)) {
            throw new ForbiddenException(message);
        }
    }
}
