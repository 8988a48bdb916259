package com.aftercare.knowledge;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ForbiddenException;

/** A reviewer (supervisor or process owner) who did not write the article publishes it: four eyes. */
@Service
public class PublishArticle {

    private final LoadArticle load;
    private final ReadArticles read;
    private final Clock clock;

    PublishArticle(LoadArticle load, ReadArticles read, Clock clock) {
        this.load = load;
        this.read = read;
        this.clock = clock;
    }

    @Transactional
    public ArticleView publish(long id) {
        Writers who = Writers.current();
        who.require(Writers.REVIEW, "publish knowledge articles");
        Article a = load.inState(id, ArticleStatus.IN_REVIEW, "published");
        if (who.username().equals(a.getAuthor())) {
            throw new ForbiddenException("An article is reviewed by someone other than its author");
        }
        a.publish(who.username(), clock.instant());
        return read.view(a);
    }
}
