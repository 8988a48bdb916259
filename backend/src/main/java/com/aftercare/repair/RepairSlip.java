package com.aftercare.repair;

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

/**
 * A repair slip (送修单, RR-1): one device of a case sent to the vendor, from shipping until it is received back
 * (with the vendor's report and outcome). The loaner installed meanwhile (RR-4) is kept on it too.
 */
@Entity
@Table(name = "repair_slip")
class RepairSlip {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id", nullable = false, updatable = false)
    private Long ticketId;
    @Column(name = "device_id")
    private Long deviceId;
    @Column(name = "device_name")
    private String deviceName;
    @Column(name = "device_model")
    private String deviceModel;
    @Column(name = "device_serial")
    private String deviceSerial;
    private String fault;
    @Column(name = "vendor_name", nullable = false)
    private String vendorName;
    @Column(name = "slip_number", nullable = false)
    private String slipNumber;
    private String note;
    @Column(name = "sent_by")
    private String sentBy;
    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;
    @Column(name = "expected_return_at", nullable = false)
    private Instant expectedReturnAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "return_rule", nullable = false)
    private ReturnRule returnRule;
    @Column(name = "returned_at")
    private Instant returnedAt;
    @Column(name = "received_by")
    private String receivedBy;
    @Column(name = "vendor_report")
    private String vendorReport;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RepairOutcome outcome;
    @Column(name = "overdue_notified")
    private boolean overdueNotified;
    @Column(name = "loaner_id")
    private Long loanerId;
    @Column(name = "loaner_installed_at")
    private Instant loanerInstalledAt;
    @Column(name = "loaner_collected_at")
    private Instant loanerCollectedAt;
    @Version
    private long version;

    protected RepairSlip() {
    }

    RepairSlip(Long ticketId, Long deviceId, String deviceName, String deviceModel, String deviceSerial, String fault,
            String vendorName, String slipNumber, String note, String sentBy, Instant sentAt, Instant expectedReturnAt,
            ReturnRule returnRule) {
        this.ticketId = ticketId;
        this.deviceId = deviceId;
        this.deviceName = deviceName;
        this.deviceModel = deviceModel;
        this.deviceSerial = deviceSerial;
        this.fault = fault;
        this.vendorName = vendorName;
        this.slipNumber = slipNumber;
        this.note = note;
        this.sentBy = sentBy;
        this.sentAt = sentAt;
        this.expectedReturnAt = expectedReturnAt;
        this.returnRule = returnRule;
        this.outcome = RepairOutcome.AWAY;
    }

    void returned(RepairOutcome outcome, String vendorReport, String by, Instant at) {
        this.outcome = outcome;
        this.vendorReport = vendorReport;
        this.receivedBy = by;
        this.returnedAt = at;
    }

    void loanerInstalled(Long loanerId, Instant at) {
        this.loanerId = loanerId;
        this.loanerInstalledAt = at;
        this.loanerCollectedAt = null;
    }

    void loanerCollected(Instant at) {
        this.loanerCollectedAt = at;
    }

    boolean away() {
        return returnedAt == null;
    }

    boolean loanerOnSite() {
        return loanerId != null && loanerCollectedAt == null;
    }

    Long getId() { return id; }
    Long getTicketId() { return ticketId; }
    Long getDeviceId() { return deviceId; }
    String getDeviceName() { return deviceName; }
    String getDeviceModel() { return deviceModel; }
    String getDeviceSerial() { return deviceSerial; }
    String getFault() { return fault; }
    String getVendorName() { return vendorName; }
    String getSlipNumber() { return slipNumber; }
    String getNote() { return note; }
    String getSentBy() { return sentBy; }
    Instant getSentAt() { return sentAt; }
    Instant getExpectedReturnAt() { return expectedReturnAt; }
    ReturnRule getReturnRule() { return returnRule; }
    Instant getReturnedAt() { return returnedAt; }
    String getReceivedBy() { return receivedBy; }
    String getVendorReport() { return vendorReport; }
    RepairOutcome getOutcome() { return outcome; }
    boolean isOverdueNotified() { return overdueNotified; }
    Long getLoanerId() { return loanerId; }
    Instant getLoanerInstalledAt() { return loanerInstalledAt; }
    Instant getLoanerCollectedAt() { return loanerCollectedAt; }
}
