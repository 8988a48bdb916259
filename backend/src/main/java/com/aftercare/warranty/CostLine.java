package com.aftercare.warranty;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One part or one piece of labour on a case, in yuan (CNY), as the engineer or the desk recorded it. */
@Entity
@Table(name = "case_cost_line")
class CostLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long ticketId;
    private String kind;
    private String description;
    private BigDecimal amount;
    private String recordedBy;
    private Instant recordedAt;

    protected CostLine() {
    }

    CostLine(long ticketId, String kind, String description, BigDecimal amount, String recordedBy, Instant recordedAt) {
        this.ticketId = ticketId;
        this.kind = kind;
        this.description = description;
        this.amount = amount;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    Long getId() { return id; }
    Long getTicketId() { return ticketId; }
    String getKind() { return kind; }
    String getDescription() { return description; }
    BigDecimal getAmount() { return amount; }
    String getRecordedBy() { return recordedBy; }
    Instant getRecordedAt() { return recordedAt; }
}
