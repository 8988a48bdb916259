package com.aftercare.knowledge;

/** Where an article stands: written, waiting for a reviewer, searchable by everyone, or withdrawn. */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, PUBLISHED, RETIRED
}
