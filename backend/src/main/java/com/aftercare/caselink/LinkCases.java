package com.aftercare.caselink;

import java.time.Clock;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.common.UnprocessableException;
import com.aftercare.attachment.Visibility;
import com.aftercare.conversation.NewMessage;
import com.aftercare.conversation.PostMessage;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.CloseAsDuplicate;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseEventTexts;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Links two cases of one customer (issue 15, ADR 0040), recorded on both timelines and audited. DUPLICATE_OF closes
 * this case as the duplicate of the other, which must still be open and not itself a duplicate, so one set of clocks
 * chases the fault. Repeating a link already made answers with it and changes nothing; a pair linked another way must
 * be unlinked first.
 */
@Service
public class LinkCases {

    private final TicketLinkRepository links;
    private final FindTicket findTicket;
    private final CloseAsDuplicate closeAsDuplicate;
    private final CaseTimeline timeline;
    private final PostMessage postMessage;
    private final CaseEventTexts texts;
    private final Clock clock;

    LinkCases(TicketLinkRepository links, FindTicket findTicket, CloseAsDuplicate closeAsDuplicate, CaseTimeline timeline,
            PostMessage postMessage, CaseEventTexts texts, Clock clock) {
        this.links = links;
        this.findTicket = findTicket;
        this.closeAsDuplicate = closeAsDuplicate;
        this.timeline = timeline;
        this.postMessage = postMessage;
        this.texts = texts;
        this.clock = clock;
    }

    /** The link, and whether this request made it (false: it was there already). */
    public record Linked(LinkedCase link, boolean isNew) {
    }

    @Transactional
    public Linked link(Long ticketId, Long otherTicketId, LinkKind kind) {
        if (otherTicketId == null) {
            throw new BadRequestException("otherTicketId", "must not be null");
        }
        if (kind == null) {
            throw new BadRequestException("kind", "must not be null");
        }
        Ticket ticket = findTicket.getVisible(ticketId);
        if (otherTicketId.equals(ticketId)) {
            throw new BadRequestException("otherTicketId", "a case cannot be linked to itself");
        }
        Ticket other = other(otherTicketId);
        if (!ticket.getSite().getCustomer().getId().equals(other.getSite().getCustomer().getId())) {
            throw new BadRequestException("otherTicketId", "case " + other.getNumber() + " belongs to another customer");
        }
        var existing = links.findPair(Math.min(ticketId, otherTicketId), Math.max(ticketId, otherTicketId));
        if (existing.isPresent()) {
            TicketLink l = existing.get();
            String wanted = kind == LinkKind.RELATED ? "RELATED" : "DUPLICATE_OF";
            if (l.seenFrom(ticketId).equals(wanted)) {
                return new Linked(view(l, ticketId, other), false);
            }
            throw new UnprocessableException("kind", "the cases are already linked another way; unlink them first");
        }
        if (kind == LinkKind.DUPLICATE_OF) {
            if (other.getStatus() == TicketStatus.CLOSED) {
                throw new UnprocessableException("otherTicketId",
                        "case " + other.getNumber() + " is closed; link it as related instead");
            }
            boolean otherIsDuplicate = links.findOf(otherTicketId).stream()
                    .anyMatch(l -> otherTicketId.equals(l.getDuplicateTicketId()));
            if (otherIsDuplicate) {
                throw new UnprocessableException("otherTicketId",
                        "case " + other.getNumber() + " is itself a duplicate; link to the case it duplicates");
            }
            closeAsDuplicate.check(ticketId, "kind");
        }
        TicketLink saved = links.saveAndFlush(new TicketLink(ticketId, otherTicketId,
                kind == LinkKind.RELATED ? TicketLink.Kind.RELATED : TicketLink.Kind.DUPLICATE,
                kind == LinkKind.DUPLICATE_OF ? ticketId : null, CurrentUser.username(), clock.instant()));
        timeline.record(ticketId, new CaseEvent.CasesLinked(other.getNumber(), saved.seenFrom(ticketId)));
        timeline.record(otherTicketId, new CaseEvent.CasesLinked(ticket.getNumber(), saved.seenFrom(otherTicketId)));
        if (kind == LinkKind.DUPLICATE_OF && ticket.getStatus() != TicketStatus.CLOSED) {
            closeAsDuplicate.close(ticketId, other.getNumber());
            // the requester's unit is told in the case's conversation, which its users read (the timeline is staff's);
            // in Chinese, the language of the contracts and of the customers' users
            CaseEvent closed = new CaseEvent.ClosedAsDuplicate(other.getNumber());
            postMessage.post(ticketId, new NewMessage(texts.line(closed, Locale.SIMPLIFIED_CHINESE, clock.getZone()),
                    Visibility.PUBLIC, null, null), null);
        }
        return new Linked(view(saved, ticketId, findTicket.get(otherTicketId)), true);
    }

    private Ticket other(Long otherTicketId) {
        try {
            return findTicket.getVisible(otherTicketId);
        } catch (NotFoundException e) {
            throw new BadRequestException("otherTicketId", "unknown case " + otherTicketId);
        }
    }

    static LinkedCase view(TicketLink l, long fromTicketId, Ticket other) {
        return new LinkedCase(other.getId(), other.getNumber(), other.getTitle(), other.getStatus(), l.seenFrom(fromTicketId),
                l.getCreatedBy(), l.getCreatedAt());
    }
}
