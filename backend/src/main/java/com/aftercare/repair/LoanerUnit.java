package com.aftercare.repair;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A loaner unit (备机) of the pool (RR-4): serialised, kept somewhere, available or on loan to one case. */
@Entity
@Table(name = "loaner_unit")
class LoanerUnit {

    enum Status { AVAILABLE, ON_LOAN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String model;
    @Column(nullable = false, unique = true)
    private String serial;
    @Column(name = "kept_at", nullable = false)
    private String keptAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Version
    private long version;

    protected LoanerUnit() {
    }

    LoanerUnit(String model, String serial, String keptAt) {
        this.model = model;
        this.serial = serial;
        this.keptAt = keptAt;
        this.status = Status.AVAILABLE;
    }

    void lendTo(Long ticketId) {
        this.status = Status.ON_LOAN;
        this.ticketId = ticketId;
    }

    void giveBack() {
        this.status = Status.AVAILABLE;
        this.ticketId = null;
    }

    Long getId() { return id; }
    String getModel() { return model; }
    String getSerial() { return serial; }
    String getKeptAt() { return keptAt; }
    Status getStatus() { return status; }
    Long getTicketId() { return ticketId; }
}
