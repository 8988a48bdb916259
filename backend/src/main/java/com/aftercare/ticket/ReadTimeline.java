package com.aftercare.ticket;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A case's timeline, oldest first. Lines are written only through {@link com.aftercare.ticket.event.CaseTimeline}. */
@Service
public class ReadTimeline {

    private final TicketEventRepository events;

    ReadTimeline(TicketEventRepository events) {
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<TicketEvent> of(Long ticketId) {
        return events.findByTicketIdOrderByOccurredAtAscIdAsc(ticketId);
    }
}
