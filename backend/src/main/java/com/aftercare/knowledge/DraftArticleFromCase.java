package com.aftercare.knowledge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.DeviceType;
import com.aftercare.common.ConflictException;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;

/**
 * One step from a resolved case to a draft article (RP-4 "knowledge base fed weekly"): title, symptom (the fault as
 * reported and diagnosed), cause and solution come from the case, the device type from its device. A case gives
 * at most one article, so a retry or a double click returns the draft already made.
 */
@Service
public class DraftArticleFromCase {

    private final ArticleRepository articles;
    private final FindTicket tickets;
    private final ReadArticles read;
    private final Clock clock;

    DraftArticleFromCase(ArticleRepository articles, FindTicket tickets, ReadArticles read, Clock clock) {
        this.articles = articles;
        this.tickets = tickets;
        this.read = read;
        this.clock = clock;
    }

    /** The draft and whether it was made now (false: the case's article existed already). */
    public record Drafted(ArticleView article, boolean created) {
    }

    @Transactional
    public Drafted draft(long ticketId) {
        Writers who = Writers.current();
        who.require(Writers.WRITE, "write knowledge articles");
        var existing = articles.findBySourceTicketId(ticketId);
        if (existing.isPresent()) {
            return new Drafted(read.view(existing.get()), false);
        }
        Ticket t = tickets.get(ticketId);
        if (t.getResolvedAt() == null) {
            throw ConflictException.of("onlyResolvedBecomesArticle");
        }
        String symptom = firstOf(t.getSymptom(), t.getDescription());
        String solution = firstOf(t.getSolution(), t.getDeskNote(), "-");
        List<DeviceType> types = new ArrayList<>();
        types.add(t.getDevice() == null ? DeviceType.OTHER : t.getDevice().getType());
        ArticleText text = new ArticleText(cut(t.getTitle(), 200), cut(symptom, 4000), cut(t.getCause(), 4000),
                cut(solution, 4000), types, List.of());
        Article a = articles.save(new Article(text, who.username(), ticketId, clock.instant()));
        return new Drafted(read.view(a), true);
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String cut(String v, int max) {
        return v == null || v.length() <= max ? v : v.substring(0, max);
    }
}
