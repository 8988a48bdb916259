package com.aftercare.knowledge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.BadRequestException.FieldError;

/** A reviewer sends an article in review back to its author as a draft, saying what to change. */
@Service
public class ReturnArticle {

    private final LoadArticle load;
    private final ReadArticles read;
    private final Clock clock;

    ReturnArticle(LoadArticle load, ReadArticles read, Clock clock) {
        this.load = load;
        this.read = read;
        this.clock = clock;
    }

    @Transactional
    public ArticleView giveBack(long id, String note) {
        Writers who = Writers.current();
        who.require(Writers.REVIEW, "review knowledge articles");
        List<FieldError> errors = new ArrayList<>();
        String n = ArticleText.text(note, "note", 1000, true, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        Article a = load.inState(id, ArticleStatus.IN_REVIEW, "returned");
        a.returnToAuthor(who.username(), n, clock.instant());
        return read.view(a);
    }
}
