package com.aftercare.survey;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A survey or callback the desk owes a customer (CB-1..CB-3). It is written once by a timer and answered once; the
 * version makes two answers at the same moment one answer and one 409.
 */
@Entity
@Table(name = "survey")
class Survey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private SurveyKind kind;
    @Column(name = "customer_id")
    private Long customerId;
    @Column(name = "ticket_id")
    private Long ticketId;
    private String slot;
    @Column(name = "period_start")
    private LocalDate periodStart;
    @Column(name = "period_end")
    private LocalDate periodEnd;
    @Column(name = "due_at")
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    private SurveyStatus status;
    @Column(name = "intake_score")
    private Integer intakeScore;
    @Column(name = "handling_score")
    private Integer handlingScore;
    @Column(name = "support_score")
    private Integer supportScore;
    private String comment;
    private String outcome;
    @Column(name = "raised_ticket_id")
    private Long raisedTicketId;
    @Column(name = "answered_by")
    private String answeredBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "answered_via")
    private AnswerChannel answeredVia;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "overdue_at")
    private Instant overdueAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected Survey() {
    }

    Survey(SurveyKind kind, long customerId, Long ticketId, LocalDate periodStart, LocalDate periodEnd, Instant dueAt,
            Instant createdAt) {
        this.kind = kind;
        this.customerId = customerId;
        this.ticketId = ticketId;
        this.slot = slot(kind, ticketId, periodStart);
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.dueAt = dueAt;
        this.status = SurveyStatus.OPEN;
        this.createdAt = createdAt;
    }

    /** A sampled case's slot is its ticket (never picked twice); a customer's callback or quarter is its first day. */
    static String slot(SurveyKind kind, Long ticketId, LocalDate periodStart) {
        return kind == SurveyKind.SAMPLE ? "T" + ticketId : periodStart.toString();
    }

    void answer(Integer intake, Integer handling, Integer support, String comment, String outcome, Long raisedTicketId,
            String by, AnswerChannel via, Instant at) {
        this.intakeScore = intake;
        this.handlingScore = handling;
        this.supportScore = support;
        this.comment = comment;
        this.outcome = outcome;
        this.raisedTicketId = raisedTicketId;
        this.answeredBy = by;
        this.answeredVia = via;
        this.answeredAt = at;
        this.status = SurveyStatus.ANSWERED;
    }

    void markOverdue(Instant at) {
        if (overdueAt == null) {
            overdueAt = at;
        }
    }

    Long getId() { return id; }
    SurveyKind getKind() { return kind; }
    Long getCustomerId() { return customerId; }
    Long getTicketId() { return ticketId; }
    LocalDate getPeriodStart() { return periodStart; }
    LocalDate getPeriodEnd() { return periodEnd; }
    Instant getDueAt() { return dueAt; }
    SurveyStatus getStatus() { return status; }
    Integer getIntakeScore() { return intakeScore; }
    Integer getHandlingScore() { return handlingScore; }
    Integer getSupportScore() { return supportScore; }
    String getComment() { return comment; }
    String getOutcome() { return outcome; }
    Long getRaisedTicketId() { return raisedTicketId; }
    String getAnsweredBy() { return answeredBy; }
    AnswerChannel getAnsweredVia() { return answeredVia; }
    Instant getAnsweredAt() { return answeredAt; }
    Instant getOverdueAt() { return overdueAt; }
    Instant getCreatedAt() { return createdAt; }
}
