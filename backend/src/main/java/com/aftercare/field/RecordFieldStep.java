package com.aftercare.field;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.engineer.EngineerService;
import com.aftercare.ticket.DeliverableKind;
import com.aftercare.ticket.RecordOnSiteArrival;
import com.aftercare.ticket.SubmitDeliverable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A field step of dispatch.bpmn was completed (on the phone, in the portal, or by the desk for the customer): what
 * it recorded goes onto the ticket's current visit. Called inside the task completion's transaction before the
 * engine moves on, so a refused value (a signature of another ticket, a send-back without a reason) leaves nothing
 * behind. Other tasks are ignored.
 */
@Service
public class RecordFieldStep {

    /** The user-task keys of dispatch.bpmn this feature records. */
    public static final Set<String> FIELD_TASKS = Set.of("checkIn", "restoreService", "diagnosisReport", "recoveryPlan",
            "reviewPlan", "diagnoseAndFix", "confirmCompletion", "auditServiceForm", "reviseServiceForm");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FieldVisitRepository visits;
    private final SignatureCheck signatures;
    private final RecordOnSiteArrival onSite;
    private final SubmitDeliverable deliverables;
    private final EngineerService engineers;
    private final Clock clock;

    RecordFieldStep(FieldVisitRepository visits, SignatureCheck signatures, RecordOnSiteArrival onSite,
            SubmitDeliverable deliverables, EngineerService engineers, Clock clock) {
        this.visits = visits;
        this.signatures = signatures;
        this.onSite = onSite;
        this.deliverables = deliverables;
        this.engineers = engineers;
        this.clock = clock;
    }

    /**
     * @param values   the task's form values as validated against the model (absent fields are null)
     * @param user     who completed it
     * @param remotely true when the customer's side answered through the portal endpoints, not on the engineer's phone
     */
    @Transactional
    public void record(long ticketId, String taskKey, Map<String, Object> values, String user, boolean remotely) {
        if (!FIELD_TASKS.contains(taskKey)) {
            return;
        }
        if ("checkIn".equals(taskKey)) {
            checkIn(ticketId, values, user);
            return;
        }
        FieldVisit visit = current(ticketId, user);
        switch (taskKey) {
            case "restoreService" -> visit.restored(text(values, "emergencyHandling"), clock.instant());
            case "diagnosisReport" -> visit.report(text(values, "symptom"), text(values, "diagnosis"), text(values, "cause"),
                    text(values, "levelSuggestion"), photos(values), clock.instant());
            case "recoveryPlan" -> visit.plan(text(values, "recoveryPlan"));
            case "reviewPlan" -> {
                boolean approved = Boolean.TRUE.equals(values.get("planApproved"));
                String reason = text(values, "planReviewReason");
                if (!approved && reason == null) {
                    throw new BadRequestException("planReviewReason", "say why the plan is sent back");
                }
                visit.planReviewed(approved, reason, user);
            }
            case "diagnoseAndFix" -> visit.findings(text(values, "symptom"), null, text(values, "cause"),
                    text(values, "solution"), text(values, "parts"), text(values, "prevention"));
            case "reviseServiceForm" -> visit.findings(text(values, "symptom"), text(values, "diagnosis"), text(values, "cause"),
                    text(values, "solution"), text(values, "parts"), text(values, "prevention"));
            case "confirmCompletion" -> {
                Long signature = values.get("signatureAttachmentId") instanceof Number n ? n.longValue() : null;
                if (signature != null && !signatures.isSignatureOf(ticketId, signature)) {
                    throw new BadRequestException("signatureAttachmentId", "not a signature drawn on this ticket");
                }
                visit.confirmation(text(values, "testerName"), Boolean.TRUE.equals(values.get("confirmed")), signature,
                        text(values, "remark"), remotely, clock.instant());
            }
            case "auditServiceForm" -> {
                boolean accepted = Boolean.TRUE.equals(values.get("auditAccepted"));
                String reason = text(values, "auditReason");
                if (!accepted && reason == null) {
                    throw new BadRequestException("auditReason", "say why the service form is sent back");
                }
                visit.audited(accepted, reason, user, clock.instant());
                if (accepted) {
                    // the accepted service form is the fault report the contracts ask for (SLA-7, FW-2..4; ADR 0026)
                    deliverables.submitIfOwed(ticketId, DeliverableKind.FAULT_REPORT, visit.faultReport());
                }
            }
            default -> {
            }
        }
    }

    private void checkIn(long ticketId, Map<String, Object> values, String user) {
        FieldVisit.Location location = location(text(values, "location"));
        int next = visits.findFirstByTicketIdOrderByVisitNoDesc(ticketId).map(v -> v.getVisitNo() + 1).orElse(1);
        FieldVisit visit = new FieldVisit(ticketId, next, user, engineerName(user), clock.instant());
        visit.checkIn(location, Boolean.TRUE.equals(values.get("emergency")));
        visits.save(visit);
        // the on-site clocks count the first arrival; one already recorded (the on-site button) stays
        onSite.recordUnlessRecorded(ticketId, user);
    }

    /** The visit the step belongs to; a case that skipped the check-in (started on an older model) gets one now. */
    private FieldVisit current(long ticketId, String user) {
        return visits.findFirstByTicketIdOrderByVisitNoDesc(ticketId)
                .orElseGet(() -> visits.save(new FieldVisit(ticketId, 1, user, engineerName(user), clock.instant())));
    }

    private String engineerName(String user) {
        return engineers.all().stream().filter(e -> e.getUsername().equals(user)).findFirst()
                .map(com.aftercare.engineer.Engineer::getDisplayName).orElse(user);
    }

    /** The location widget's value: {"lat":..,"lng":..,"accuracy":..}, or blank when the phone shares none. */
    static FieldVisit.Location location(String value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(value);
            double lat = node.path("lat").asDouble(Double.NaN);
            double lng = node.path("lng").asDouble(Double.NaN);
            if (!node.path("lat").isNumber() || !node.path("lng").isNumber() || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
                throw new BadRequestException("location", "{\"lat\":..,\"lng\":..,\"accuracy\":..} with a latitude and a longitude");
            }
            Double accuracy = node.path("accuracy").isNumber() ? node.path("accuracy").asDouble() : null;
            return new FieldVisit.Location(lat, lng, accuracy);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequestException("location", "{\"lat\":..,\"lng\":..,\"accuracy\":..} with a latitude and a longitude");
        }
    }

    /** The photos widget's value: attachment ids separated by commas. */
    private static String photos(Map<String, Object> values) {
        String value = text(values, "photos");
        if (value == null) {
            return null;
        }
        for (String id : value.split(",")) {
            if (!id.strip().matches("\\d{1,18}")) {
                throw new BadRequestException("photos", "attachment ids separated by commas");
            }
        }
        return value.replace(" ", "");
    }

    private static String text(Map<String, Object> values, String key) {
        Object v = values.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }
}
