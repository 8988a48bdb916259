package com.aftercare.ticket;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** Intake and the ticket list. The full case file (GET /api/tickets/{id}) is in the casefile feature. */
@RestController
@Validated
class TicketController {

    private final ReportFault reportFault;
    private final FindTicket findTicket;
    private final SearchTickets searchTickets;
    private final Clock clock;

    TicketController(ReportFault reportFault, FindTicket findTicket, SearchTickets searchTickets, Clock clock) {
        this.reportFault = reportFault;
        this.findTicket = findTicket;
        this.searchTickets = searchTickets;
        this.clock = clock;
    }

    record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
    }

    @PostMapping("/api/tickets")
    ResponseEntity<TicketSummary> create(@Valid @RequestBody NewTicket request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ReportFault.Created created;
        try {
            created = reportFault.report(request, idempotencyKey);
        } catch (DataIntegrityViolationException e) {
            // two retries of the same report raced; the loser answers with the winner's ticket
            // (and the loser's report must be the same one: otherwise it is a reused key, 422)
            Ticket first = idempotencyKey == null ? null : reportFault.replay(idempotencyKey, request).orElse(null);
            if (first == null) {
                throw e;
            }
            created = new ReportFault.Created(first, false);
        }
        TicketSummary body = TicketSummary.of(findTicket.get(created.ticket().getId()), clock.instant());
        if (!created.isNew()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/tickets/" + body.id())).body(body);
    }

    @GetMapping("/api/tickets")
    PageView<TicketSummary> list(@RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) Long siteId,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) RequestType requestType,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Page<Ticket> result = searchTickets.search(status, siteId, assignee == null || assignee.isBlank() ? null : assignee, requestType, overdue,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "id"))));
        var now = clock.instant();
        return new PageView<>(result.getContent().stream().map(t -> TicketSummary.of(t, now)).toList(), page, size,
                result.getTotalElements(), result.getTotalPages());
    }
}
