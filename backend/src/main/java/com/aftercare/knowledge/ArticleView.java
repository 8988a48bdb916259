package com.aftercare.knowledge;

import java.time.Instant;
import java.util.List;

import com.aftercare.asset.DeviceType;

/** An article as the API shows it; usefulness: cases solved at the desk from it. */
public record ArticleView(long id, String title, String symptom, String cause, String solution,
        List<DeviceType> deviceTypes, List<String> tags, ArticleStatus status, String author, String reviewer,
        String reviewNote, Long sourceTicketId, Instant updatedAt, Instant publishedAt, long usefulness) {

    static ArticleView of(Article a, long usefulness) {
        return new ArticleView(a.getId(), a.getTitle(), a.getSymptom(), a.getCause(), a.getSolution(),
                a.getDeviceTypes(), a.getTags(), a.getStatus(), a.getAuthor(), a.getReviewer(), a.getReviewNote(),
                a.getSourceTicketId(), a.getUpdatedAt(), a.getPublishedAt(), usefulness);
    }

    /** What a customer's user sees: the article's content, not who wrote or reviewed it nor the case it came from. */
    static ArticleView forCustomer(Article a) {
        return new ArticleView(a.getId(), a.getTitle(), a.getSymptom(), a.getCause(), a.getSolution(),
                a.getDeviceTypes(), a.getTags(), a.getStatus(), null, null, null, null, a.getUpdatedAt(),
                a.getPublishedAt(), 0);
    }
}
