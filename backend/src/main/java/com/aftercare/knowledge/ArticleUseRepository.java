package com.aftercare.knowledge;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ArticleUseRepository extends JpaRepository<ArticleUse, Long> {

    Optional<ArticleUse> findByTicketId(Long ticketId);

    long countByArticleId(Long articleId);

    /** Usefulness of every article that has any: [articleId, count]. */
    @Query("select u.articleId, count(u) from ArticleUse u group by u.articleId")
    List<Object[]> countAll();
}
