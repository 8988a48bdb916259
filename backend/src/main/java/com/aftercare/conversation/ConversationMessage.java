package com.aftercare.conversation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import com.aftercare.attachment.Visibility;

/** One message of a case's conversation: an internal note among staff or a reply the customer sees. Never edited. */
@Entity
@Immutable
@Table(name = "conversation_message")
class ConversationMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id")
    private Long ticketId;
    private String body;
    @Enumerated(EnumType.STRING)
    private Visibility visibility;
    private String author;
    @Column(name = "author_name")
    private String authorName;
    @Column(name = "author_is_customer")
    private boolean authorIsCustomer;
    private String mentions;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "idempotency_fingerprint")
    private String idempotencyFingerprint;

    protected ConversationMessage() {
    }

    ConversationMessage(Long ticketId, String body, Visibility visibility, String author, String authorName, boolean authorIsCustomer,
            List<String> mentions, Instant createdAt, String idempotencyKey, String idempotencyFingerprint) {
        this.ticketId = ticketId;
        this.body = body;
        this.visibility = visibility;
        this.author = author;
        this.authorName = authorName;
        this.authorIsCustomer = authorIsCustomer;
        this.mentions = mentions.isEmpty() ? null : String.join(",", mentions);
        this.createdAt = createdAt;
        this.idempotencyKey = idempotencyKey;
        this.idempotencyFingerprint = idempotencyFingerprint;
    }

    Long getId() { return id; }
    Long getTicketId() { return ticketId; }
    String getBody() { return body; }
    Visibility getVisibility() { return visibility; }
    String getAuthor() { return author; }
    String getAuthorName() { return authorName; }
    boolean isAuthorIsCustomer() { return authorIsCustomer; }
    Instant getCreatedAt() { return createdAt; }
    String getIdempotencyFingerprint() { return idempotencyFingerprint; }

    List<String> mentionList() {
        return mentions == null || mentions.isBlank() ? List.of() : Arrays.asList(mentions.split(","));
    }
}
