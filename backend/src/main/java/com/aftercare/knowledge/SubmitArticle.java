package com.aftercare.knowledge;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ForbiddenException;

/** A draft goes to review (by its author, or a reviewer on the author's behalf). */
@Service
public class SubmitArticle {

    private final LoadArticle load;
    private final ReadArticles read;
    private final Clock clock;

    SubmitArticle(LoadArticle load, ReadArticles read, Clock clock) {
        this.load = load;
        this.read = read;
        this.clock = clock;
    }

    @Transactional
    public ArticleView submit(long id) {
        Writers who = Writers.current();
        who.require(Writers.WRITE, "write knowledge articles");
        Article a = load.inState(id, ArticleStatus.DRAFT, "sent for review");
        if (!who.username().equals(a.getAuthor()) && !who.may(Writers.REVIEW)) {
            throw new ForbiddenException("Only the author or a reviewer may send this draft for review");
        }
        a.submit(clock.instant());
        return read.view(a);
    }
}
