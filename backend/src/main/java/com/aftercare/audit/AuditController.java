package com.aftercare.audit;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;

import com.aftercare.ticket.FindTicket;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The audit trail over HTTP (RP-2, RP-6): read it, a ticket's own history, and verify the chain.
 * Reading is for supervisors and admins (everything) and customers (their own unit's entries, reduced to
 * what their case file shows: see {@link AuditReaderScope} and {@link ReadTrailAsCustomer}); verifying for
 * supervisors and admins.
 */
@RestController
@Validated
class AuditController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditService audit;
    private final FindTicket tickets;

    AuditController(AuditService audit, FindTicket tickets) {
        this.tickets = tickets;
        this.audit = audit;
    }

    /** {@code changes} is the stored JSON as it is (with its "before": null, which the API's mapper would leave out). */
    record EntryView(long seq, Instant occurredAt, String actor, String entityType, String entityId, String action,
            @JsonRawValue String changes, Long customerId, Long ticketId, String prevHash, String entryHash) {

        static EntryView of(AuditService.Line e) {
            String changes = e.changes();
            try {
                JSON.readTree(changes);
            } catch (Exception unreadable) {
                // a row altered in the database may not even be JSON any more; show it as a string
                changes = JSON.getNodeFactory().textNode(changes).toString();
            }
            return new EntryView(e.seq(), e.occurredAt(), e.actor(), e.entityType(), e.entityId(), e.action(), changes,
                    e.customerId(), e.ticketId(), e.prevHash(), e.entryHash());
        }
    }

    @Schema(name = "AuditPage")
    record PageView(List<EntryView> content, int page, int size, long totalElements, int totalPages) {
        static PageView of(Page<AuditService.Line> result, int page, int size) {
            return new PageView(result.getContent().stream().map(EntryView::of).toList(), page, size, result.getTotalElements(),
                    result.getTotalPages());
        }
    }

    /** Newest first. {@code to} is exclusive; times are ISO-8601 instants (2026-03-01T00:00:00Z). */
    @GetMapping("/api/audit")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'CUSTOMER')")
    PageView search(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        AuditService.Filter filter = new AuditService.Filter(blankToNull(entityType), blankToNull(entityId), customerId, null, from, to);
        return PageView.of(audit.search(filter, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "seq"))), page, size);
    }

    /** A ticket's own history: the ticket record's changes and its timeline, oldest first. */
    @GetMapping("/api/tickets/{id}/audit")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN', 'CUSTOMER')")
    PageView ticketHistory(@PathVariable Long id, @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int size) {
        tickets.getVisible(id); // another unit's ticket is "not found" for a customer, as on every ticket route
        AuditService.Filter filter = new AuditService.Filter(null, null, null, id, null, null);
        return PageView.of(audit.search(filter, PageRequest.of(page, size, Sort.by(Sort.Direction.ASC, "seq"))), page, size);
    }

    /**
     * Checks the whole chain. With an anchor (a sequence number and the hash printed for it earlier and
     * kept outside the database) it also proves the chain was not rewritten up to there.
     */
    @GetMapping("/api/audit/verify")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    AuditService.Verification verify(@RequestParam(required = false) String anchor) {
        return audit.verify(AuditService.Anchor.parse(anchor));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
