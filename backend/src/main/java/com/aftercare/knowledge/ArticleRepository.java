package com.aftercare.knowledge;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleRepository extends JpaRepository<Article, Long> {

    List<Article> findByStatusOrderByUpdatedAtDesc(ArticleStatus status);

    List<Article> findAllByOrderByUpdatedAtDesc();

    Optional<Article> findBySourceTicketId(Long ticketId);
}
