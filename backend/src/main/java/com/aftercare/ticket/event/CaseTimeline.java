package com.aftercare.ticket.event;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.TicketEvent;
import com.aftercare.ticket.TicketEventRepository;

/**
 * The one way a line gets onto a case's timeline. SKELETON: stores the type and a plain description;
 * the structured parameters and the zh-CN/en rendering come with CaseEventTexts.
 */
@Component
public class CaseTimeline {

    private final TicketEventRepository events;
    private final Clock clock;

    CaseTimeline(TicketEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Joins the caller's transaction: a timeline line exists exactly when the change it describes does. */
    @Transactional
    public void record(Long ticketId, CaseEvent event) {
        events.save(new TicketEvent(ticketId, clock.instant(), CurrentUser.username(), event.type(), event.toString()));
    }
}
