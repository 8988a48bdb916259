package com.aftercare.inspection;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import com.aftercare.common.ConflictException;

/**
 * One inspection (PM-4): opened for a plan's cycle window by the timer, or for a site after severe weather by the desk.
 * Its status follows inspection.bpmn; the version makes two clicks at once one effect and a 409.
 */
@Entity
public class Inspection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "plan_id")
    private Long planId;
    @Column(name = "customer_id")
    private Long customerId;
    @Column(name = "site_id")
    private Long siteId;
    @Enumerated(EnumType.STRING)
    private InspectionKind kind;
    @Enumerated(EnumType.STRING)
    private Hazard hazard;
    @Column(name = "window_start")
    private LocalDate windowStart;
    @Column(name = "due_at")
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    private InspectionStatus status;
    @Column(name = "verify_assets")
    private boolean verifyAssets;
    @Column(name = "agreed_at")
    private Instant agreedAt;
    @Column(name = "agreed_by")
    private String agreedBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "agreed_via")
    private AgreedVia agreedVia;
    @Column(name = "times_moved")
    private int timesMoved;
    @Column(name = "checklist_done_at")
    private Instant checklistDoneAt;
    @Column(name = "checklist_done_by")
    private String checklistDoneBy;
    @Column(name = "signed_at")
    private Instant signedAt;
    @Column(name = "signed_by")
    private String signedBy;
    @Column(name = "signer_name")
    private String signerName;
    private String opinion;
    private String signature;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "overdue_notified_at")
    private Instant overdueNotifiedAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected Inspection() {
    }

    Inspection(Long planId, Long customerId, Long siteId, InspectionKind kind, Hazard hazard, LocalDate windowStart,
            Instant dueAt, boolean verifyAssets, String createdBy, Instant createdAt) {
        this.planId = planId;
        this.customerId = customerId;
        this.siteId = siteId;
        this.kind = kind;
        this.hazard = hazard;
        this.windowStart = windowStart;
        this.dueAt = dueAt;
        this.verifyAssets = verifyAssets;
        this.status = InspectionStatus.AWAITING_TIME;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void started(String instanceId) {
        this.processInstanceId = instanceId;
    }

    /** The first agreement moves the inspection on; a later one (the customer moves it to another day) counts a move. */
    boolean agree(Instant at, String by, AgreedVia via) {
        if (status != InspectionStatus.AWAITING_TIME && status != InspectionStatus.SCHEDULED) {
            throw new ConflictException("The checklist of inspection " + id + " is already done; its time can no longer change");
        }
        boolean first = status == InspectionStatus.AWAITING_TIME;
        if (!first) {
            timesMoved++;
        }
        this.agreedAt = at;
        this.agreedBy = by;
        this.agreedVia = via;
        this.status = InspectionStatus.SCHEDULED;
        return first;
    }

    void checklistDone(String by, Instant at) {
        requireStatus(InspectionStatus.SCHEDULED, "is not waiting for its checklist");
        this.checklistDoneBy = by;
        this.checklistDoneAt = at;
        this.status = InspectionStatus.AWAITING_SIGNATURE;
    }

    void sign(String by, String signerName, String opinion, String signature, Instant at) {
        requireStatus(InspectionStatus.AWAITING_SIGNATURE, "is not waiting for the customer's signature");
        this.signedBy = by;
        this.signerName = signerName;
        this.opinion = opinion;
        this.signature = signature;
        this.signedAt = at;
    }

    void complete(Instant at) {
        this.status = InspectionStatus.DONE;
        this.completedAt = at;
    }

    void overdueNotified(Instant at) {
        this.overdueNotifiedAt = at;
    }

    void requireStatus(InspectionStatus expected, String what) {
        if (status != expected) {
            throw new ConflictException("Inspection " + id + " " + what);
        }
    }

    public Long getId() { return id; }
    public Long getPlanId() { return planId; }
    public Long getCustomerId() { return customerId; }
    public Long getSiteId() { return siteId; }
    public InspectionKind getKind() { return kind; }
    public Hazard getHazard() { return hazard; }
    public LocalDate getWindowStart() { return windowStart; }
    public Instant getDueAt() { return dueAt; }
    public InspectionStatus getStatus() { return status; }
    public boolean isVerifyAssets() { return verifyAssets; }
    public Instant getAgreedAt() { return agreedAt; }
    public String getAgreedBy() { return agreedBy; }
    public AgreedVia getAgreedVia() { return agreedVia; }
    public int getTimesMoved() { return timesMoved; }
    public Instant getChecklistDoneAt() { return checklistDoneAt; }
    public String getChecklistDoneBy() { return checklistDoneBy; }
    public Instant getSignedAt() { return signedAt; }
    public String getSignedBy() { return signedBy; }
    public String getSignerName() { return signerName; }
    public String getOpinion() { return opinion; }
    public String getSignature() { return signature; }
    public Instant getCompletedAt() { return completedAt; }
    public Instant getOverdueNotifiedAt() { return overdueNotifiedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
