package com.aftercare.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One entry of the audit trail, for reading. Rows are written only by {@link AuditChainWriter}
 * (plain JDBC, inside the audited transaction); Hibernate never inserts, updates or deletes one.
 */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    private Long seq;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String actor;
    @Column(name = "entity_type")
    private String entityType;
    @Column(name = "entity_id")
    private String entityId;
    private String action;
    private String changes;
    @Column(name = "customer_id")
    private Long customerId;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Column(name = "prev_hash")
    private String prevHash;
    @Column(name = "entry_hash")
    private String entryHash;

    protected AuditEntry() {
    }

    public Long getSeq() { return seq; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getEntityType() { return entityType; }
    public String getEntityId() { return entityId; }
    public String getAction() { return action; }
    /** The changed columns as JSON: {"column":{"before":..,"after":..}}. */
    public String getChanges() { return changes; }
    public Long getCustomerId() { return customerId; }
    public Long getTicketId() { return ticketId; }
    public String getPrevHash() { return prevHash; }
    public String getEntryHash() { return entryHash; }
}
