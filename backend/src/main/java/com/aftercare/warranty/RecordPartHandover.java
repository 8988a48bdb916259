package com.aftercare.warranty;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** FW-5: a replaced part goes back to the owner; the engineer or the desk records what, to whom and when. */
@Service
public class RecordPartHandover {

    private final FindTicket tickets;
    private final PartHandoverRepository handovers;
    private final CaseTimeline timeline;
    private final Clock clock;

    RecordPartHandover(FindTicket tickets, PartHandoverRepository handovers, CaseTimeline timeline, Clock clock) {
        this.tickets = tickets;
        this.handovers = handovers;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** handedAt: when it was handed over; null means now. Not in the future. */
    public record Handover(String part, String handedTo, Instant handedAt) {
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
        PartHandover saved = handovers.save(new PartHandover(ticketId, part, to, at, CurrentUser.username(), now));
        timeline.record(ticketId, new CaseEvent.PartHandedOver(part, to));
        return saved.getId();
    }
}
