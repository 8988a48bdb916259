package com.aftercare.repair;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A contract's vendor-return rule (RR-2); a contract without a row uses {@link ReturnRule#FIVE_WORKING_DAYS}. */
@Entity
@Table(name = "repair_terms")
class RepairTerms {

    @Id
    @Column(name = "contract_id")
    private Long contractId;
    @Enumerated(EnumType.STRING)
    @Column(name = "vendor_return_rule", nullable = false)
    private ReturnRule vendorReturnRule;
    @Version
    private long version;

    protected RepairTerms() {
    }

    RepairTerms(Long contractId, ReturnRule rule) {
        this.contractId = contractId;
        this.vendorReturnRule = rule;
    }

    void change(ReturnRule rule) {
        this.vendorReturnRule = rule;
    }

    ReturnRule getVendorReturnRule() { return vendorReturnRule; }
}
