package com.aftercare.warranty;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A contract's warranty terms (WA-1): the day the project was accepted and how many months its devices are in
 * warranty from then, and how many months a replacement device is in warranty from its installation.
 */
@Entity
@Table(name = "warranty_terms")
class WarrantyTerms {

    @Id
    @Column(name = "contract_id")
    private Long contractId;
    @Column(name = "accepted_on")
    private LocalDate acceptedOn;
    @Column(name = "device_warranty_months")
    private Integer deviceWarrantyMonths;
    @Column(name = "replacement_warranty_months", nullable = false)
    private int replacementWarrantyMonths;
    @Version
    private long version;

    protected WarrantyTerms() {
    }

    WarrantyTerms(Long contractId) {
        this.contractId = contractId;
    }

    void change(LocalDate acceptedOn, Integer deviceWarrantyMonths, int replacementWarrantyMonths) {
        this.acceptedOn = acceptedOn;
        this.deviceWarrantyMonths = deviceWarrantyMonths;
        this.replacementWarrantyMonths = replacementWarrantyMonths;
    }

    Long getContractId() { return contractId; }
    LocalDate getAcceptedOn() { return acceptedOn; }
    Integer getDeviceWarrantyMonths() { return deviceWarrantyMonths; }
    int getReplacementWarrantyMonths() { return replacementWarrantyMonths; }
}
