package com.aftercare.ticket.event;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.labels.Labels;
import com.aftercare.ticket.TicketEvent;
import com.aftercare.ticket.TicketEventRepository;

/**
 * A case's timeline as a reader sees it: each typed event rendered in the reader's language, times in the
 * case's zone. Lines from before typed events have only the sentence written then and show it unchanged.
 */
@Component
public class ReadCaseTimeline {

    private static final Logger log = LoggerFactory.getLogger(ReadCaseTimeline.class);

    /** message: the rendered text; type: the stored type code the UI filters and tags by. */
    public record Line(Long id, Instant at, String actor, String type, String message) {
    }

    private final TicketEventRepository events;
    private final CaseEventTexts texts;

    ReadCaseTimeline(TicketEventRepository events, CaseEventTexts texts) {
        this.events = events;
        this.texts = texts;
    }

    @Transactional(readOnly = true)
    public List<Line> lines(Long ticketId, Locale reader, ZoneId zone) {
        Locale language = Labels.language(reader);
        return events.findByTicketIdOrderByOccurredAtAscIdAsc(ticketId).stream()
                .map(e -> new Line(e.getId(), e.getOccurredAt(), e.getActor(), e.getType(), message(e, language, zone)))
                .toList();
    }

    /**
     * A line that cannot be rendered (a label gone missing, a record renamed without a migration) shows what
     * was written at the time rather than failing the whole case file; the log says which.
     */
    private String message(TicketEvent e, Locale language, ZoneId zone) {
        if (e.getKind() == null || e.getParams() == null) {
            return e.getMessage();
        }
        try {
            return texts.line(CaseEventCodec.read(e.getKind(), e.getParams()), language, zone);
        } catch (RuntimeException failure) {
            log.warn("Timeline line {} shown as stored: {}", e.getId(), failure.getMessage());
            return e.getMessage();
        }
    }
}
