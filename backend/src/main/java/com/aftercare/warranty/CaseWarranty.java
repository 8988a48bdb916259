package com.aftercare.warranty;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What the warranty feature knows of one case: why it is free (warranty, repeat repair) or that it is charged, the
 * customer's answer to the quote (parts and cost), and a replacement of the device (proposed, answered, installed;
 * the old device scrapped when the vendor could not repair it).
 */
@Entity
@Table(name = "case_warranty")
class CaseWarranty {

    @Id
    private Long ticketId;
    private String freeReason;
    private LocalDate warrantyEnd;
    private Long repeatOfTicketId;
    private String repeatOfNumber;
    private Instant assessedAt;
    private String quoteAnswer;
    private String quoteReason;
    private String quoteAnsweredBy;
    private Instant quoteAnsweredAt;
    private String replacementCause;
    private String replacementModel;
    private String replacementNote;
    private String replacementAnswer;
    private String replacementReason;
    private String replacementAnsweredBy;
    private Instant replacementAnsweredAt;
    private Long oldDeviceId;
    private Long newDeviceId;
    private Instant replacedAt;
    private boolean scrapped;
    /**
     * A wrapper, null until first stored: Spring Data then persists a new assessment instead of merging it, which
     * would read the (absent) row first, one statement per fault report (ADR 0053).
     */
    @Version
    private Long version;

    protected CaseWarranty() {
    }

    CaseWarranty(long ticketId) {
        this.ticketId = ticketId;
    }

    void assessed(String freeReason, LocalDate warrantyEnd, Long repeatOfTicketId, String repeatOfNumber, Instant at) {
        this.freeReason = freeReason;
        this.warrantyEnd = warrantyEnd;
        this.repeatOfTicketId = repeatOfTicketId;
        this.repeatOfNumber = repeatOfNumber;
        this.assessedAt = at;
    }

    void quoteAnswered(boolean approved, String reason, String by, Instant at) {
        this.quoteAnswer = approved ? "APPROVED" : "REFUSED";
        this.quoteReason = reason;
        this.quoteAnsweredBy = by;
        this.quoteAnsweredAt = at;
    }

    void replacementProposed(String cause, String model, String note) {
        this.replacementCause = cause;
        this.replacementModel = model;
        this.replacementNote = note;
        this.replacementAnswer = null;
        this.replacementReason = null;
        this.replacementAnsweredBy = null;
        this.replacementAnsweredAt = null;
    }

    void replacementAnswered(boolean approved, String reason, String by, Instant at) {
        this.replacementAnswer = approved ? "APPROVED" : "REFUSED";
        this.replacementReason = reason;
        this.replacementAnsweredBy = by;
        this.replacementAnsweredAt = at;
    }

    void replaced(long oldDeviceId, long newDeviceId, boolean scrapped, Instant at) {
        this.oldDeviceId = oldDeviceId;
        this.newDeviceId = newDeviceId;
        this.scrapped = scrapped;
        this.replacedAt = at;
    }

    Long getTicketId() { return ticketId; }
    String getFreeReason() { return freeReason; }
    LocalDate getWarrantyEnd() { return warrantyEnd; }
    Long getRepeatOfTicketId() { return repeatOfTicketId; }
    String getRepeatOfNumber() { return repeatOfNumber; }
    Instant getAssessedAt() { return assessedAt; }
    String getQuoteAnswer() { return quoteAnswer; }
    String getQuoteReason() { return quoteReason; }
    String getQuoteAnsweredBy() { return quoteAnsweredBy; }
    Instant getQuoteAnsweredAt() { return quoteAnsweredAt; }
    String getReplacementCause() { return replacementCause; }
    String getReplacementModel() { return replacementModel; }
    String getReplacementNote() { return replacementNote; }
    String getReplacementAnswer() { return replacementAnswer; }
    String getReplacementReason() { return replacementReason; }
    String getReplacementAnsweredBy() { return replacementAnsweredBy; }
    Instant getReplacementAnsweredAt() { return replacementAnsweredAt; }
    Long getOldDeviceId() { return oldDeviceId; }
    Long getNewDeviceId() { return newDeviceId; }
    Instant getReplacedAt() { return replacedAt; }
    boolean isScrapped() { return scrapped; }
}
