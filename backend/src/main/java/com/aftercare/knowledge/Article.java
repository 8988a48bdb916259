package com.aftercare.knowledge;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.aftercare.asset.DeviceType;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A knowledge-base article (IN-4, RP-4): symptom, cause, solution, the device types it is about, tags. */
@Entity
@Table(name = "kb_article")
class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    private String symptom;
    private String cause;
    private String solution;
    private String deviceTypes;
    private String tags;
    @Enumerated(EnumType.STRING)
    private ArticleStatus status;
    private String author;
    private String reviewer;
    private String reviewNote;
    private Long sourceTicketId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant publishedAt;
    @Version
    private long version;

    protected Article() {
    }

    Article(ArticleText text, String author, Long sourceTicketId, Instant now) {
        this.status = ArticleStatus.DRAFT;
        this.author = author;
        this.sourceTicketId = sourceTicketId;
        this.createdAt = now;
        change(text, now);
    }

    void change(ArticleText text, Instant now) {
        this.title = text.title();
        this.symptom = text.symptom();
        this.cause = text.cause();
        this.solution = text.solution();
        this.deviceTypes = text.deviceTypes().stream().map(Enum::name).collect(Collectors.joining(","));
        this.tags = text.tags().isEmpty() ? null : String.join(",", text.tags());
        this.updatedAt = now;
    }

    void submit(Instant now) {
        status = ArticleStatus.IN_REVIEW;
        updatedAt = now;
    }

    void publish(String by, Instant now) {
        status = ArticleStatus.PUBLISHED;
        reviewer = by;
        reviewNote = null;
        publishedAt = now;
        updatedAt = now;
    }

    void returnToAuthor(String by, String note, Instant now) {
        status = ArticleStatus.DRAFT;
        reviewer = by;
        reviewNote = note;
        updatedAt = now;
    }

    void retire(Instant now) {
        status = ArticleStatus.RETIRED;
        updatedAt = now;
    }

    Long getId() { return id; }
    String getTitle() { return title; }
    String getSymptom() { return symptom; }
    String getCause() { return cause; }
    String getSolution() { return solution; }
    ArticleStatus getStatus() { return status; }
    String getAuthor() { return author; }
    String getReviewer() { return reviewer; }
    String getReviewNote() { return reviewNote; }
    Long getSourceTicketId() { return sourceTicketId; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    Instant getPublishedAt() { return publishedAt; }

    List<DeviceType> getDeviceTypes() {
        return deviceTypes == null || deviceTypes.isBlank() ? List.of()
                : Arrays.stream(deviceTypes.split(",")).map(DeviceType::valueOf).toList();
    }

    List<String> getTags() {
        return tags == null || tags.isBlank() ? List.of() : List.of(tags.split(","));
    }
}
