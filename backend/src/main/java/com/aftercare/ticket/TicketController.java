package com.aftercare.ticket;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** Intake. The ticket list (GET /api/tickets) is the search feature's; the full case file (GET /api/tickets/{id}) is in the casefile feature. */
@RestController
@Validated
class TicketController {

    private final ReportFault reportFault;
    private final FindTicket findTicket;
    private final Clock clock;

    TicketController(ReportFault reportFault, FindTicket findTicket, Clock clock) {
        this.reportFault = reportFault;
        this.findTicket = findTicket;
        this.clock = clock;
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
        // a new ticket is answered from the instance its transaction wrote (with its site, device and cached clocks,
        // all loaded there): reading it back would be one more statement and transaction per report (ADR 0053); a
        // replay reads the stored ticket
        Ticket ticket = created.isNew() ? created.ticket() : findTicket.get(created.ticket().getId());
        TicketSummary body = TicketSummary.of(ticket, clock.instant());
        if (!created.isNew()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/tickets/" + body.id())).body(body);
    }
}
