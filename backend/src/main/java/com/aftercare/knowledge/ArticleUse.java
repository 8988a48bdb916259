package com.aftercare.knowledge;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A case solved at the desk from an article (IN-4): one per case. */
@Entity
@Table(name = "kb_article_use")
class ArticleUse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long articleId;
    private Long ticketId;
    private String recordedBy;
    private Instant recordedAt;

    protected ArticleUse() {
    }

    ArticleUse(Long articleId, Long ticketId, String recordedBy, Instant recordedAt) {
        this.articleId = articleId;
        this.ticketId = ticketId;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    Long getArticleId() { return articleId; }
    Long getTicketId() { return ticketId; }
    String getRecordedBy() { return recordedBy; }
    Instant getRecordedAt() { return recordedAt; }
}
