package com.aftercare.inspection;

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

/** One checklist line: an item of the plan's template on one device, passed or failed with a note and a photo. */
@Entity
@Table(name = "inspection_check")
public class InspectionCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "inspection_id")
    private Long inspectionId;
    @Column(name = "customer_id")
    private Long customerId;
    @Column(name = "device_id")
    private Long deviceId;
    private String item;
    private String method;
    private boolean automated;
    @Enumerated(EnumType.STRING)
    private CheckResult result;
    private String note;
    /** The line's photo (ADR 0082): its bytes are an {@link InspectionPhoto}, proved by their SHA-256 here. */
    @Column(name = "photo_id")
    private Long photoId;
    @Column(name = "photo_sha256")
    private String photoSha256;
    @Column(name = "checked_by")
    private String checkedBy;
    @Column(name = "checked_at")
    private Instant checkedAt;
    @Column(name = "fault_ticket_id")
    private Long faultTicketId;
    /** Queued for the site's probe agent at (ADR 0052); null when not waiting for it. */
    @Column(name = "probe_queued_at")
    private Instant probeQueuedAt;
    @Version
    private long version;

    protected InspectionCheck() {
    }

    InspectionCheck(Long inspectionId, Long customerId, Long deviceId, String item, String method, boolean automated) {
        this.inspectionId = inspectionId;
        this.customerId = customerId;
        this.deviceId = deviceId;
        this.item = item;
        this.method = method;
        this.automated = automated;
    }

    /** A line recorded again without a photo keeps the one it has. */
    void record(CheckResult result, String note, InspectionPhoto photo, String by, Instant at) {
        this.result = result;
        this.note = note;
        if (photo != null) {
            this.photoId = photo.getId();
            this.photoSha256 = photo.getSha256();
        }
        this.checkedBy = by;
        this.checkedAt = at;
    }

    void probeQueued(Instant at) {
        this.probeQueuedAt = at;
    }

    void probeAnswered() {
        this.probeQueuedAt = null;
    }

    void faultOpened(long ticketId) {
        this.faultTicketId = ticketId;
    }

    public Long getId() { return id; }
    public Long getInspectionId() { return inspectionId; }
    public Long getDeviceId() { return deviceId; }
    public String getItem() { return item; }
    public String getMethod() { return method; }
    public boolean isAutomated() { return automated; }
    public CheckResult getResult() { return result; }
    public String getNote() { return note; }
    public Long getPhotoId() { return photoId; }
    public String getCheckedBy() { return checkedBy; }
    public Instant getCheckedAt() { return checkedAt; }
    public Long getFaultTicketId() { return faultTicketId; }
    public Instant getProbeQueuedAt() { return probeQueuedAt; }
}
