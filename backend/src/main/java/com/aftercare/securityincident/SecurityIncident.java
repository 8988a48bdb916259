package com.aftercare.securityincident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A security incident at a customer unit (RP-6), from the report to its close. */
@Entity
@Table(name = "security_incident")
class SecurityIncident {

    /** What the reporter says happened; fixed once reported (later knowledge goes into notes and the close). */
    record Report(long customerId, SecurityIncidentKind kind, SecurityImpact impact, String title, String description,
            String involved, Long ticketId, Instant occurredAt) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "customer_id")
    private long customerId;
    @Enumerated(EnumType.STRING)
    private SecurityIncidentKind kind;
    @Enumerated(EnumType.STRING)
    private SecurityImpact impact;
    @Enumerated(EnumType.STRING)
    private SecurityIncidentStatus status;
    private String title;
    private String description;
    private String involved;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "reported_by")
    private String reportedBy;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @Column(name = "reported_by_customer")
    private boolean reportedByCustomer;
    private String handler;
    @Column(name = "customer_told_at")
    private Instant customerToldAt;
    @Column(name = "customer_told_how")
    private String customerToldHow;
    private String measures;
    private String conclusion;
    @Column(name = "closed_at")
    private Instant closedAt;
    /** The last action's time (a note's too). */
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long revision;

    protected SecurityIncident() {
    }

    /** A customer's own report needs no telling: the unit knows (customerToldAt is the report's time). */
    SecurityIncident(Report r, String by, boolean byCustomer, Instant at) {
        this.customerId = r.customerId();
        this.kind = r.kind();
        this.impact = r.impact();
        this.title = r.title();
        this.description = r.description();
        this.involved = r.involved();
        this.ticketId = r.ticketId();
        this.occurredAt = r.occurredAt();
        this.status = SecurityIncidentStatus.REPORTED;
        this.reportedBy = by;
        this.reportedAt = at;
        this.reportedByCustomer = byCustomer;
        this.customerToldAt = byCustomer ? at : null;
        this.updatedAt = at;
    }

    static String number(long id) {
        return String.format("SEC-%06d", id);
    }

    String number() {
        return number(id);
    }

    void touched(Instant at) {
        this.updatedAt = at;
    }

    void take(String by) {
        this.status = SecurityIncidentStatus.INVESTIGATING;
        this.handler = by;
    }

    void customerTold(Instant at, String how) {
        this.customerToldAt = at;
        this.customerToldHow = how;
    }

    void close(SecurityImpact finalImpact, String measuresTaken, String conclusionReached, Instant at) {
        this.impact = finalImpact;
        this.measures = measuresTaken;
        this.conclusion = conclusionReached;
        this.closedAt = at;
        this.status = SecurityIncidentStatus.CLOSED;
    }

    Long getId() { return id; }
    long getCustomerId() { return customerId; }
    SecurityIncidentKind getKind() { return kind; }
    SecurityImpact getImpact() { return impact; }
    SecurityIncidentStatus getStatus() { return status; }
    String getTitle() { return title; }
    String getDescription() { return description; }
    String getInvolved() { return involved; }
    Long getTicketId() { return ticketId; }
    Instant getOccurredAt() { return occurredAt; }
    String getReportedBy() { return reportedBy; }
    Instant getReportedAt() { return reportedAt; }
    boolean isReportedByCustomer() { return reportedByCustomer; }
    String getHandler() { return handler; }
    Instant getCustomerToldAt() { return customerToldAt; }
    String getCustomerToldHow() { return customerToldHow; }
    String getMeasures() { return measures; }
    String getConclusion() { return conclusion; }
    Instant getClosedAt() { return closedAt; }
    long getRevision() { return revision; }
}
