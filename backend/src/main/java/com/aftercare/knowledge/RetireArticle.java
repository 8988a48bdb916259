package com.aftercare.knowledge;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A reviewer withdraws a published article (outdated firmware, wrong advice): no longer suggested nor shown to customers. */
@Service
public class RetireArticle {

    private final LoadArticle load;
    private final ReadArticles read;
    private final Clock clock;

    RetireArticle(LoadArticle load, ReadArticles read, Clock clock) {
        this.load = load;
        this.read = read;
        this.clock = clock;
    }

    @Transactional
    public ArticleView retire(long id) {
        Writers who = Writers.current();
        who.require(Writers.REVIEW, "retire knowledge articles");
        Article a = load.inState(id, ArticleStatus.PUBLISHED, "retired");
        a.retire(clock.instant());
        return read.view(a);
    }
}
