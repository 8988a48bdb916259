package com.aftercare.knowledge;

import org.springframework.stereotype.Component;

import com.aftercare.common.ConflictException;
import com.aftercare.common.NotFoundException;

/** Finds an article for a use case: 404 when unknown, 409 when its state does not allow the action. */
@Component
class LoadArticle {

    private final ArticleRepository articles;

    LoadArticle(ArticleRepository articles) {
        this.articles = articles;
    }

    Article byId(long id) {
        return articles.findById(id).orElseThrow(() -> new NotFoundException("No article " + id));
    }

    Article inState(long id, ArticleStatus expected, String action) {
        Article a = byId(id);
        if (a.getStatus() != expected) {
            throw ConflictException.of("articleStateForbids");
        }
        return a;
    }
}
