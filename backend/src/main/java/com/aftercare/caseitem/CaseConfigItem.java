package com.aftercare.caseitem;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A case names a configuration item its fault touches (RP-4). Made once, deleted when taken back; never changed. */
@Entity
@Immutable
@Table(name = "ticket_config_item")
class CaseConfigItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id")
    private long ticketId;
    @Column(name = "config_item_id")
    private long configItemId;
    @Column(name = "customer_id")
    private long customerId;
    @Column(name = "linked_by")
    private String linkedBy;
    @Column(name = "linked_at")
    private Instant linkedAt;

    protected CaseConfigItem() {
    }

    CaseConfigItem(long ticketId, long configItemId, long customerId, String linkedBy, Instant linkedAt) {
        this.ticketId = ticketId;
        this.configItemId = configItemId;
        this.customerId = customerId;
        this.linkedBy = linkedBy;
        this.linkedAt = linkedAt;
    }

    Long getId() { return id; }
    long getTicketId() { return ticketId; }
    long getConfigItemId() { return configItemId; }
    long getCustomerId() { return customerId; }
    String getLinkedBy() { return linkedBy; }
    Instant getLinkedAt() { return linkedAt; }
}
