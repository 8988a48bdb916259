package com.aftercare.warranty;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.field.SignatureCheck;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * FW-5: a replaced part goes back to the owner; the engineer or the desk records what, to whom and when, and the
 * owner's representative signs for it on the pad (ADR 0021, 0028). The signature must be a SIGNATURE image drawn on
 * this case, so a hand-over cannot point at another case's file; who recorded it and when are kept from the login.
 */
@Service
public class RecordPartHandover {

    private final FindTicket tickets;
    private final PartHandoverRepository handovers;
    private final CaseTimeline timeline;
    private final SignatureCheck signatures;
    private final Clock clock;

    RecordPartHandover(FindTicket tickets, PartHandoverRepository handovers, CaseTimeline timeline, SignatureCheck signatures,
            Clock clock) {
        this.tickets = tickets;
        this.signatures = signatures;
        this.handovers = handovers;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * handedTo: the owner's representative who took the part and signed; handedAt: when it was handed over, null
     * means now, not in the future; signatureAttachmentId: their drawn signature, uploaded as a SIGNATURE attachment
     * of this case.
     */
    @Schema(name = "PartHandoverRequest")
    public record Handover(String part, String handedTo, Instant handedAt, Long signatureAttachmentId) {
    }

    @Transactional
    public long record(long ticketId, Handover command) {
        tickets.getVisible(ticketId);
        String part = command == null || command.part() == null ? "" : command.part().strip();
        if (part.isEmpty() || part.length() > 500) {
            throw new BadRequestException("part", "1 to 500 characters");
        }
        String to = command.handedTo() == null ? "" : command.handedTo().strip();
        if (to.isEmpty() || to.length() > 200) {
            throw new BadRequestException("handedTo", "1 to 200 characters");
        }
        Instant now = clock.instant();
        Instant at = command.handedAt() == null ? now : command.handedAt();
        if (at.isAfter(now.plusSeconds(300))) {
            throw new BadRequestException("handedAt", "not in the future");
        }
        Long signature = command.signatureAttachmentId();
        if (signature == null) {
            throw new BadRequestException("signatureAttachmentId", "the owner's representative signs for the part");
        }
        if (!signatures.isSignatureOf(ticketId, signature)) {
            throw new BadRequestException("signatureAttachmentId", "not a signature drawn on this case");
        }
        PartHandover saved = handovers.save(new PartHandover(ticketId, part, to, at, CurrentUser.username(), now, signature));
        timeline.record(ticketId, new CaseEvent.PartHandedOver(part, to));
        return saved.getId();
    }
}
