package com.aftercare.ticket.event;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.CurrentUser;
import com.aftercare.labels.Labels;
import com.aftercare.ticket.TicketEvent;
import com.aftercare.ticket.TicketEventRepository;

/**
 * The one way a line gets onto a case's timeline. Stores the event itself (kind and JSON params) so that
 * {@link ReadCaseTimeline} renders it in the reader's language; the message column gets the zh-CN text as
 * of now, for whoever reads the table directly.
 */
@Component
public class CaseTimeline {

    private static final Logger log = LoggerFactory.getLogger(CaseTimeline.class);

    private final TicketEventRepository events;
    private final CaseEventTexts texts;
    private final Clock clock;

    CaseTimeline(TicketEventRepository events, CaseEventTexts texts, Clock clock) {
        this.events = events;
        this.texts = texts;
        this.clock = clock;
    }

    /** Joins the caller's transaction: a timeline line exists exactly when the change it describes does. */
    @Transactional
    public void record(Long ticketId, CaseEvent event) {
        events.save(new TicketEvent(ticketId, clock.instant(), CurrentUser.username(), event.type(), snapshot(event),
                CaseEventCodec.kind(event), CaseEventCodec.params(event)));
    }

    /**
     * The zh-CN text for the message column. A missing label must not undo the change being recorded (the
     * event itself is stored and renders once the label exists), so it falls back to the kind of event.
     */
    private String snapshot(CaseEvent event) {
        try {
            return texts.line(event, Labels.ZH, clock.getZone());
        } catch (Labels.MissingLabelException e) {
            log.warn("Timeline line stored without its text: {}", e.getMessage());
            return event.type();
        }
    }
}
