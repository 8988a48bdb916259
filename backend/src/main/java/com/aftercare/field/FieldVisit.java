package com.aftercare.field;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.aftercare.serviceform.VisitRecord;

/**
 * One on-site visit of a ticket: opened by the engineer's check-in, filled in by the field steps of
 * dispatch.bpmn (restore, diagnosis report, recovery plan and its review, the work, the customer's
 * confirmation, the desk's audit). A case reopened after the callback gets a new visit.
 */
@Entity
@Table(name = "field_visit")
class FieldVisit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id", nullable = false, updatable = false)
    private Long ticketId;
    @Column(name = "visit_no", nullable = false, updatable = false)
    private int visitNo;
    @Column(name = "engineer_username", nullable = false)
    private String engineerUsername;
    @Column(name = "engineer_name")
    private String engineerName;
    @Column(name = "checked_in_at", nullable = false)
    private Instant checkedInAt;
    private Double latitude;
    private Double longitude;
    @Column(name = "accuracy_meters")
    private Double accuracyMeters;
    private boolean emergency;
    @Column(name = "emergency_handling")
    private String emergencyHandling;
    @Column(name = "restored_at")
    private Instant restoredAt;
    private String symptom;
    private String diagnosis;
    private String cause;
    @Column(name = "level_suggestion")
    private String levelSuggestion;
    @Column(name = "photo_ids")
    private String photoIds;
    @Column(name = "report_at")
    private Instant reportAt;
    @Column(name = "recovery_plan")
    private String recoveryPlan;
    @Column(name = "plan_review")
    private String planReview;
    @Column(name = "plan_review_reason")
    private String planReviewReason;
    @Column(name = "plan_reviewed_by")
    private String planReviewedBy;
    @Column(name = "work_done")
    private String workDone;
    private String parts;
    private String prevention;
    @Column(name = "tester_name")
    private String testerName;
    private Boolean confirmed;
    @Column(name = "signature_attachment_id")
    private Long signatureAttachmentId;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;
    @Column(name = "confirmed_remotely")
    private boolean confirmedRemotely;
    @Column(name = "confirmation_remark")
    private String confirmationRemark;
    @Column(name = "audit_outcome")
    private String auditOutcome;
    @Column(name = "audit_reason")
    private String auditReason;
    @Column(name = "audited_by")
    private String auditedBy;
    @Column(name = "audited_at")
    private Instant auditedAt;
    @Version
    private long version;

    protected FieldVisit() {
    }

    FieldVisit(Long ticketId, int visitNo, String engineerUsername, String engineerName, Instant checkedInAt) {
        this.ticketId = ticketId;
        this.visitNo = visitNo;
        this.engineerUsername = engineerUsername;
        this.engineerName = engineerName;
        this.checkedInAt = checkedInAt;
    }

    void checkIn(Location location, boolean emergency) {
        if (location != null) {
            this.latitude = location.lat();
            this.longitude = location.lng();
            this.accuracyMeters = location.accuracy();
        }
        this.emergency = emergency;
    }

    void restored(String handling, Instant at) {
        this.emergencyHandling = handling;
        this.restoredAt = at;
    }

    void report(String symptom, String diagnosis, String cause, String levelSuggestion, String photoIds, Instant at) {
        this.symptom = symptom;
        this.diagnosis = diagnosis;
        this.cause = keep(cause, this.cause);
        this.levelSuggestion = levelSuggestion;
        this.photoIds = keep(photoIds, this.photoIds);
        this.reportAt = at;
    }

    void plan(String plan) {
        this.recoveryPlan = plan;
        this.planReview = null; // a new plan waits for a new review
    }

    void planReviewed(boolean approved, String reason, String by) {
        this.planReview = approved ? "APPROVED" : "REJECTED";
        this.planReviewReason = reason;
        this.planReviewedBy = by;
    }

    /** The work, and after an audit sends the form back the engineer's corrections: a blank field keeps what was there. */
    void findings(String symptom, String diagnosis, String cause, String workDone, String parts, String prevention) {
        this.symptom = keep(symptom, this.symptom);
        this.diagnosis = keep(diagnosis, this.diagnosis);
        this.cause = keep(cause, this.cause);
        this.workDone = keep(workDone, this.workDone);
        this.parts = keep(parts, this.parts);
        this.prevention = keep(prevention, this.prevention);
    }

    void confirmation(String testerName, boolean confirmed, Long signatureAttachmentId, String remark, boolean remotely,
            Instant at) {
        this.testerName = testerName;
        this.confirmed = confirmed;
        this.signatureAttachmentId = signatureAttachmentId;
        this.confirmationRemark = remark;
        this.confirmedRemotely = remotely;
        this.confirmedAt = at;
    }

    void audited(boolean accepted, String reason, String by, Instant at) {
        this.auditOutcome = accepted ? "ACCEPTED" : "SENT_BACK";
        this.auditReason = reason;
        this.auditedBy = by;
        this.auditedAt = at;
    }

    /**
     * The service form's findings as the fault report's text (ADR 0026): what the engineer wrote, one item a line,
     * in the form's order; null when the form holds nothing to report.
     */
    String faultReport() {
        String text = java.util.stream.Stream.of(symptom, diagnosis, emergencyHandling, cause, workDone, parts, prevention)
                .filter(v -> v != null && !v.isBlank())
                .collect(java.util.stream.Collectors.joining("\n"));
        return text.isEmpty() ? null : text;
    }

    private static String keep(String sent, String stored) {
        return sent == null || sent.isBlank() ? stored : sent;
    }

    VisitRecord record() {
        return new VisitRecord(visitNo, engineerUsername, engineerName, checkedInAt, latitude, longitude, accuracyMeters,
                emergency, restoredAt, symptom, diagnosis, cause, recoveryPlan, planReview, workDone, parts, prevention,
                testerName, signatureAttachmentId, confirmedAt,
                confirmedRemotely, auditOutcome, auditReason, auditedBy, auditedAt);
    }

    Long getTicketId() { return ticketId; }
    int getVisitNo() { return visitNo; }
    String getRecoveryPlan() { return recoveryPlan; }
    String getWorkDone() { return workDone; }
    String getPlanReviewReason() { return planReviewReason; }
    String getAuditReason() { return auditReason; }
    Boolean getConfirmed() { return confirmed; }

    /** Where the phone said it was, as the location widget sends it. */
    record Location(Double lat, Double lng, Double accuracy) {
    }
}
