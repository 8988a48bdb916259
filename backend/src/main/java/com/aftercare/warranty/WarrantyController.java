package com.aftercare.warranty;

import java.net.URI;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Warranty, cost, parts and replacement of a case (WA-1, RR-5, RR-6, FW-5). The customer reads the panel, answers
 * the quote and the replacement and reads the scrap certificate; staff also record cost lines and parts handed back.
 */
@RestController
@Tag(name = "Warranty")
class WarrantyController {

    private final ReadWarranty readWarranty;
    private final RecordCostLine recordCostLine;
    private final RecordPartHandover recordPartHandover;
    private final AnswerQuote answerQuote;
    private final AnswerReplacement answerReplacement;
    private final ReadScrapCertificate readScrapCertificate;

    WarrantyController(ReadWarranty readWarranty, RecordCostLine recordCostLine, RecordPartHandover recordPartHandover,
            AnswerQuote answerQuote, AnswerReplacement answerReplacement, ReadScrapCertificate readScrapCertificate) {
        this.readWarranty = readWarranty;
        this.recordCostLine = recordCostLine;
        this.recordPartHandover = recordPartHandover;
        this.answerQuote = answerQuote;
        this.answerReplacement = answerReplacement;
        this.readScrapCertificate = readScrapCertificate;
    }

    @GetMapping("/api/tickets/{id}/warranty")
    @Operation(summary = "Warranty status, repeat-repair flag, cost lines, approvals, replacement and parts handed back")
    ReadWarranty.WarrantyView warranty(@PathVariable Long id) {
        return readWarranty.of(id);
    }

    @PostMapping("/api/tickets/{id}/cost-lines")
    @Operation(summary = "Record a part or labour line in yuan (engineer, desk)")
    ResponseEntity<Map<String, Long>> addLine(@PathVariable Long id, @RequestBody RecordCostLine.NewCostLine body) {
        staffOnly();
        long lineId = recordCostLine.record(id, body);
        return ResponseEntity.created(URI.create("/api/tickets/" + id + "/warranty")).body(Map.of("id", lineId));
    }

    @PostMapping("/api/tickets/{id}/part-handovers")
    @Operation(summary = "Record a replaced part handed back to the owner (FW-5)")
    ResponseEntity<Map<String, Long>> handover(@PathVariable Long id, @RequestBody RecordPartHandover.Handover body) {
        staffOnly();
        long handoverId = recordPartHandover.record(id, body);
        return ResponseEntity.created(URI.create("/api/tickets/" + id + "/warranty")).body(Map.of("id", handoverId));
    }

    @PostMapping("/api/tickets/{id}/quote-approval")
    @Operation(summary = "The customer approves or refuses the parts and cost (the desk may answer for them)")
    ResponseEntity<Void> answerQuote(@PathVariable Long id, @RequestBody AnswerQuote.Answer body) {
        answerQuote.answer(id, body);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tickets/{id}/replacement-approval")
    @Operation(summary = "The customer approves or refuses the device replacement (the desk may answer for them)")
    ResponseEntity<Void> answerReplacement(@PathVariable Long id, @RequestBody AnswerQuote.Answer body) {
        answerReplacement.answer(id, body);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/tickets/{id}/scrap-certificate")
    @Operation(summary = "The scrap certificate (报废证明) of a device scrapped on this case")
    ReadScrapCertificate.ScrapCertificate scrapCertificate(@PathVariable Long id) {
        return readScrapCertificate.of(id);
    }

    private static void staffOnly() {
        if (CurrentUser.isCustomer()) {
            throw new ForbiddenException("staff only");
        }
    }
}
