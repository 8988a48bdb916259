package com.aftercare.servicereport;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Who receives a contract's reports by e-mail, and the level from which a closed case counts as a major fault. */
@Entity
@Table(name = "contract_report_settings")
class ReportSettings {

    @Id
    @Column(name = "contract_id")
    private Long contractId;
    /** The addresses, comma-separated, in the order they were entered. */
    private String recipients;
    @Column(name = "major_level")
    private String majorLevel;
    @Version
    private long version;

    protected ReportSettings() {
    }

    ReportSettings(Long contractId) {
        this.contractId = contractId;
    }

    void change(List<String> recipients, String majorLevel) {
        this.recipients = recipients.isEmpty() ? null : String.join(",", recipients);
        this.majorLevel = majorLevel;
    }

    Long getContractId() { return contractId; }
    String getMajorLevel() { return majorLevel; }

    List<String> recipients() {
        return recipients == null || recipients.isBlank() ? List.of() : Arrays.asList(recipients.split(","));
    }
}
