package com.aftercare.knowledge;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ConflictException;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * IN-4: the desk solved a case on the first line with a published article. Recorded while the case is at the desk
 * (before the first-line step is completed as solved); the case's timeline says which article, and the article's
 * usefulness and the first-line figures count it. Once per case: the same article again is a no-op (a retry, a
 * double click), another article a 409.
 */
@Service
public class RecordSolvedFromArticle {

    private final LoadArticle load;
    private final ArticleUseRepository uses;
    private final FindTicket tickets;
    private final CaseTimeline timeline;
    private final ReadArticles read;
    private final Clock clock;

    RecordSolvedFromArticle(LoadArticle load, ArticleUseRepository uses, FindTicket tickets, CaseTimeline timeline,
            ReadArticles read, Clock clock) {
        this.load = load;
        this.uses = uses;
        this.tickets = tickets;
        this.timeline = timeline;
        this.read = read;
        this.clock = clock;
    }

    @Transactional
    public ArticleView record(long articleId, long ticketId) {
        Writers who = Writers.current();
        who.require(Writers.FIRST_LINE, "record a case solved at the desk");
        Article a = load.byId(articleId);
        Ticket t = tickets.get(ticketId);
        var earlier = uses.findByTicketId(ticketId);
        if (earlier.isPresent()) {
            if (earlier.get().getArticleId().equals(articleId)) {
                return read.view(a);
            }
            throw ConflictException.of("solvedFromAnotherArticle");
        }
        if (a.getStatus() != ArticleStatus.PUBLISHED) {
            throw ConflictException.of("onlyPublishedSolves");
        }
        if (t.getStatus() != TicketStatus.AT_DESK) {
            throw ConflictException.of("onlyAtDeskSolvedFromArticle");
        }
        uses.saveAndFlush(new ArticleUse(articleId, ticketId, who.username(), clock.instant()));
        timeline.record(ticketId, new CaseEvent.SolvedFromArticle(articleId, a.getTitle()));
        return read.view(a);
    }
}
