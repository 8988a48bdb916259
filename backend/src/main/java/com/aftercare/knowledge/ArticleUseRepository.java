package com.aftercare.knowledge;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ArticleUseRepository extends JpaRepository<ArticleUse, Long> {

    @Query("select x from ArticleUse x where x.ticketId = :ticketId")
    Optional<ArticleUse> findByTicketId(@Param("ticketId") Long ticketId);

    long countByArticleId(Long articleId);

    /** Usefulness of every article that has any: [articleId, count]. */
    @Query("select u.articleId, count(u) from ArticleUse u group by u.articleId")
    List<Object[]> countAll();
}
