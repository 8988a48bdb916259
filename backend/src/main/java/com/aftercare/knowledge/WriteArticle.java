package com.aftercare.knowledge;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ConflictException;
import com.aftercare.common.ForbiddenException;

/**
 * Writes an article: a new draft, or an edit. A draft is edited by its author or a reviewer; a published article
 * only by a reviewer (it stays published, the reviewer answers for the change); an article in review or retired
 * is not edited (409).
 */
@Service
public class WriteArticle {

    private final ArticleRepository articles;
    private final LoadArticle load;
    private final ReadArticles read;
    private final Clock clock;

    WriteArticle(ArticleRepository articles, LoadArticle load, ReadArticles read, Clock clock) {
        this.articles = articles;
        this.load = load;
        this.read = read;
        this.clock = clock;
    }

    @Transactional
    public ArticleView create(ArticleText.ArticleInput body) {
        Writers who = Writers.current();
        who.require(Writers.WRITE, "write knowledge articles");
        ArticleText text = ArticleText.check(body);
        Article a = articles.save(new Article(text, who.username(), null, clock.instant()));
        return read.view(a);
    }

    @Transactional
    public ArticleView edit(long id, ArticleText.ArticleInput body) {
        Writers who = Writers.current();
        who.require(Writers.WRITE, "write knowledge articles");
        Article a = load.byId(id);
        switch (a.getStatus()) {
            case DRAFT -> {
                if (!who.username().equals(a.getAuthor()) && !who.may(Writers.REVIEW)) {
                    throw new ForbiddenException("Only the author or a reviewer may edit this draft");
                }
            }
            case PUBLISHED -> who.require(Writers.REVIEW, "edit a published article");
            case IN_REVIEW, RETIRED -> throw ConflictException.of("articleLocked");
        }
        a.change(ArticleText.check(body), clock.instant());
        return read.view(a);
    }
}
