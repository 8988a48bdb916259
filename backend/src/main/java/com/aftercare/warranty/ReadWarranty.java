package com.aftercare.warranty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.field.CustomerSteps;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.PersonNames;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The warranty panel of a case (staff ticket page and the customer's portal): warranty status, the repeat-repair
 * flag, cost lines and totals, the answers to the quote and the replacement, parts handed back, and which answer
 * waits for the customer now (QUOTE or REPLACEMENT, null when none).
 */
@Service
public class ReadWarranty {

    private final FindTicket tickets;
    private final CaseWarrantyRepository warranties;
    private final CostLineRepository lines;
    private final PartHandoverRepository handovers;
    private final CustomerSteps steps;
    private final PersonNames names;
    private final Clock clock;

    ReadWarranty(FindTicket tickets, CaseWarrantyRepository warranties, CostLineRepository lines,
            PartHandoverRepository handovers, CustomerSteps steps, PersonNames names, Clock clock) {
        this.clock = clock;
        this.names = names;
        this.tickets = tickets;
        this.warranties = warranties;
        this.lines = lines;
        this.handovers = handovers;
        this.steps = steps;
    }

    public record Line(long id, String kind, String description, BigDecimal amount, String recordedBy, Instant recordedAt) {
    }

    /** recordedAt: when it was recorded; signatureAttachmentId: the representative's signature (null on older ones). */
    @Schema(name = "PartHandoverView")
    public record Handover(long id, String part, String handedTo, Instant handedAt, String recordedBy, Instant recordedAt,
            Long signatureAttachmentId) {
    }

    /** by: the user name of who answered (staff only); byName: what people call them (the account's display name). */
    @Schema(name = "WarrantyQuoteAnswer")
    public record Answer(String answer, String reason, String by, String byName, Instant at) {
    }

    public record Replacement(String cause, String model, String note, Answer answer, Long oldDeviceId, Long newDeviceId,
            Instant replacedAt, boolean scrapped) {
    }

    public record WarrantyView(long ticketId, boolean assessed, LocalDate warrantyEnd, boolean inWarranty,
            String freeReason, String repeatOfNumber, CaseCost cost, List<Line> lines, Answer quote,
            Replacement replacement, List<Handover> handovers, String waitingFor) {
    }

    @Transactional(readOnly = true)
    public WarrantyView of(long ticketId) {
        Ticket ticket = tickets.getVisible(ticketId);
        CaseWarranty w = warranties.findById(ticketId).orElse(null);
        List<CostLine> all = lines.findByTicketIdOrderByIdAsc(ticketId);
        CaseCost cost = WarrantyCaseCosts.cost(ticketId, w, all);
        Set<String> open = steps.openTaskKeys(ticket.getNumber());
        // a customer sees what was recorded and decided, not which of the provider's staff did it
        boolean staff = !CurrentUser.isCustomer();
        String waiting = open.contains(AnswerQuote.TASK) ? "QUOTE" : open.contains(AnswerReplacement.TASK) ? "REPLACEMENT" : null;
        return new WarrantyView(ticketId, w != null, w == null ? null : w.getWarrantyEnd(),
                w != null && (w.getWarrantyEnd() == null || ticket.getReceivedAt() == null
                        || !ticket.getReceivedAt().atZone(clock.getZone()).toLocalDate().isAfter(w.getWarrantyEnd())),
                w == null ? null : w.getFreeReason(), w == null ? null : w.getRepeatOfNumber(), cost,
                all.stream().map(l -> new Line(l.getId(), l.getKind(), l.getDescription(), l.getAmount(), staff ? l.getRecordedBy() : null,
                        l.getRecordedAt())).toList(),
                w == null || w.getQuoteAnswer() == null ? null
                        : answer(w.getQuoteAnswer(), w.getQuoteReason(), staff ? w.getQuoteAnsweredBy() : null,
                                w.getQuoteAnsweredAt()),
                w == null || w.getReplacementCause() == null ? null
                        : new Replacement(w.getReplacementCause(), w.getReplacementModel(), w.getReplacementNote(),
                                w.getReplacementAnswer() == null ? null : answer(w.getReplacementAnswer(),
                                        w.getReplacementReason(), staff ? w.getReplacementAnsweredBy() : null,
                                        w.getReplacementAnsweredAt()),
                                w.getOldDeviceId(), w.getNewDeviceId(), w.getReplacedAt(), w.isScrapped()),
                handovers.findByTicketIdOrderByIdAsc(ticketId).stream().map(h -> new Handover(h.getId(), h.getPart(),
                        h.getHandedTo(), h.getHandedAt(), staff ? h.getRecordedBy() : null, h.getRecordedAt(),
                        h.getSignatureAttachmentId())).toList(),
                waiting);
    }

    private Answer answer(String answer, String reason, String by, Instant at) {
        return new Answer(answer, reason, by, by == null ? null : names.of(by), at);
    }
}
