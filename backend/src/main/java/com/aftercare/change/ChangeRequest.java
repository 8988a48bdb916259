package com.aftercare.change;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.aftercare.common.ConflictException;

/**
 * One change to a customer's running system (RP-5). Its status follows change-request.bpmn; every step checks the
 * status it expects (a second click finds it moved on: 409) and the version turns two clicks at once into one effect.
 */
@Entity
@Table(name = "change_request")
class ChangeRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "customer_id")
    private long customerId;
    @Column(name = "site_id")
    private Long siteId;
    @Column(name = "device_ids")
    private String deviceIds;
    /** The configuration items (RP-4) the change changes, as a comma-separated list like its devices. */
    @Column(name = "config_item_ids")
    private String configItemIds;
    private String title;
    private String description;
    private String reason;
    private String impact;
    private String fallback;
    private boolean major;
    @Column(name = "test_plan")
    private String testPlan;
    @Column(name = "planned_start")
    private Instant plannedStart;
    @Column(name = "planned_end")
    private Instant plannedEnd;
    private String implementer;
    @Enumerated(EnumType.STRING)
    private ChangeStatus status;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_note")
    private String decisionNote;
    @Column(name = "tested_by")
    private String testedBy;
    @Column(name = "tested_at")
    private Instant testedAt;
    @Column(name = "test_passed")
    private Boolean testPassed;
    @Column(name = "test_note")
    private String testNote;
    @Column(name = "announced_at")
    private Instant announcedAt;
    @Column(name = "times_rescheduled")
    private int timesRescheduled;
    @Column(name = "reschedule_note")
    private String rescheduleNote;
    @Column(name = "cancelled_by")
    private String cancelledBy;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Enumerated(EnumType.STRING)
    private ChangeOutcome outcome;
    @Column(name = "outcome_note")
    private String outcomeNote;
    @Column(name = "finished_by")
    private String finishedBy;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "overrun_told_at")
    private Instant overrunToldAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    /** The customer's sign-off after the outcome: null until given. */
    @Column(name = "confirmed_accepted")
    private Boolean confirmedAccepted;
    @Column(name = "confirmed_opinion")
    private String confirmedOpinion;
    @Column(name = "confirmed_by_name")
    private String confirmedByName;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;
    @Column(name = "confirmation_recorded_by")
    private String confirmationRecordedBy;
    @Version
    private long version;

    protected ChangeRequest() {
    }

    ChangeRequest(long customerId, Long siteId, List<Long> deviceIds, List<Long> configItemIds, ChangeText text, boolean major, String testPlan,
            Instant plannedStart, Instant plannedEnd, String implementer, String requestedBy, Instant requestedAt) {
        this.customerId = customerId;
        this.siteId = siteId;
        this.deviceIds = deviceIds.isEmpty() ? null : deviceIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        this.configItemIds = configItemIds.isEmpty() ? null
                : configItemIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        this.title = text.title();
        this.description = text.description();
        this.reason = text.reason();
        this.impact = text.impact();
        this.fallback = text.fallback();
        this.major = major;
        this.testPlan = testPlan;
        this.plannedStart = plannedStart;
        this.plannedEnd = plannedEnd;
        this.implementer = implementer;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = ChangeStatus.SUBMITTED;
    }

    /** The words of a request, each already checked and trimmed. */
    record ChangeText(String title, String description, String reason, String impact, String fallback) {
    }

    void processStarted(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void decide(boolean approve, String note, String by, Instant at) {
        expect(ChangeStatus.SUBMITTED, "has been decided already");
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionNote = note;
        this.status = !approve ? ChangeStatus.REJECTED : major ? ChangeStatus.TESTING : ChangeStatus.SCHEDULED;
    }

    void recordTest(boolean passed, String note, String by, Instant at) {
        expect(ChangeStatus.TESTING, "is not waiting for a test result");
        this.testedBy = by;
        this.testedAt = at;
        this.testPassed = passed;
        this.testNote = note;
        this.status = passed ? ChangeStatus.SCHEDULED : ChangeStatus.TEST_FAILED;
    }

    /**
     * Before its window, by status and by the clock: a window whose start has passed is the implementer's even if its
     * timer has not run yet (a busy or stopped job executor), so it is no longer moved or withdrawn.
     */
    boolean movable(Instant now) {
        return status.beforeWindow() && plannedStart.isAfter(now);
    }

    void reschedule(Instant start, Instant end, String note, Instant now) {
        if (!movable(now)) {
            throw ConflictException.of("changeNotMovable", java.util.Map.of("number", number()));
        }
        this.plannedStart = start;
        this.plannedEnd = end;
        this.timesRescheduled++;
        this.rescheduleNote = note;
    }

    void announced(Instant at) {
        this.announcedAt = at;
    }

    void cancel(String reason, String by, Instant at) {
        if (!movable(at)) {
            throw ConflictException.of("changeNotCancellable", java.util.Map.of("number", number()));
        }
        this.status = ChangeStatus.CANCELLED;
        this.cancelReason = reason;
        this.cancelledBy = by;
        this.cancelledAt = at;
    }

    /** The window has started: what was scheduled is now being done. False when it was not scheduled (already moved on). */
    boolean openWindow() {
        if (status != ChangeStatus.SCHEDULED) {
            return false;
        }
        this.status = ChangeStatus.IN_PROGRESS;
        return true;
    }

    void finish(ChangeOutcome outcome, String note, String by, Instant at) {
        expect(ChangeStatus.IN_PROGRESS, "is not being carried out");
        this.outcome = outcome;
        this.outcomeNote = note;
        this.finishedBy = by;
        this.finishedAt = at;
        this.status = ChangeStatus.DONE;
    }

    /**
     * The customer's sign-off (用户确认): once, and only after the outcome is in. recordedBy is the signed-in user (the
     * unit's own, or the desk for them); byName the customer's person who confirmed.
     */
    void confirm(boolean accepted, String opinion, String byName, String recordedBy, Instant at) {
        if (outcome == null) {
            throw ConflictException.of("changeNotFinished", java.util.Map.of("number", number()));
        }
        if (confirmedAt != null) {
            throw ConflictException.of("changeConfirmed", java.util.Map.of("number", number()));
        }
        this.confirmedAccepted = accepted;
        this.confirmedOpinion = opinion;
        this.confirmedByName = byName;
        this.confirmationRecordedBy = recordedBy;
        this.confirmedAt = at;
    }

    void overrunTold(Instant at) {
        this.overrunToldAt = at;
    }

    private void expect(ChangeStatus expected, String what) {
        if (status != expected) {
            throw ConflictException.of("changeMovedOn", java.util.Map.of("number", number()));
        }
    }

    /** CHG-nnnnnn: its id, so the number is known from the first insert and never changes. */
    String number() {
        return number(id);
    }

    static String number(long id) {
        return String.format("CHG-%06d", id);
    }

    List<Long> configItemIdList() {
        return configItemIds == null || configItemIds.isBlank() ? List.of()
                : Arrays.stream(configItemIds.split(",")).map(String::strip).map(Long::valueOf).toList();
    }

    List<Long> deviceIdList() {
        return deviceIds == null || deviceIds.isBlank() ? List.of()
                : Arrays.stream(deviceIds.split(",")).map(String::strip).map(Long::valueOf).toList();
    }

    Long getId() { return id; }
    long getCustomerId() { return customerId; }
    Long getSiteId() { return siteId; }
    String getTitle() { return title; }
    String getDescription() { return description; }
    String getReason() { return reason; }
    String getImpact() { return impact; }
    String getFallback() { return fallback; }
    boolean isMajor() { return major; }
    String getTestPlan() { return testPlan; }
    Instant getPlannedStart() { return plannedStart; }
    Instant getPlannedEnd() { return plannedEnd; }
    String getImplementer() { return implementer; }
    ChangeStatus getStatus() { return status; }
    String getRequestedBy() { return requestedBy; }
    Instant getRequestedAt() { return requestedAt; }
    String getDecidedBy() { return decidedBy; }
    Instant getDecidedAt() { return decidedAt; }
    String getDecisionNote() { return decisionNote; }
    String getTestedBy() { return testedBy; }
    Instant getTestedAt() { return testedAt; }
    Boolean getTestPassed() { return testPassed; }
    String getTestNote() { return testNote; }
    Instant getAnnouncedAt() { return announcedAt; }
    int getTimesRescheduled() { return timesRescheduled; }
    String getRescheduleNote() { return rescheduleNote; }
    String getCancelledBy() { return cancelledBy; }
    Instant getCancelledAt() { return cancelledAt; }
    String getCancelReason() { return cancelReason; }
    ChangeOutcome getOutcome() { return outcome; }
    Boolean getConfirmedAccepted() { return confirmedAccepted; }
    String getConfirmedOpinion() { return confirmedOpinion; }
    String getConfirmedByName() { return confirmedByName; }
    Instant getConfirmedAt() { return confirmedAt; }
    String getConfirmationRecordedBy() { return confirmationRecordedBy; }
    String getOutcomeNote() { return outcomeNote; }
    String getFinishedBy() { return finishedBy; }
    Instant getFinishedAt() { return finishedAt; }
    Instant getOverrunToldAt() { return overrunToldAt; }
    String getProcessInstanceId() { return processInstanceId; }
}
