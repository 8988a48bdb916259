package com.aftercare.serviceform;

import java.time.Instant;

/**
 * One on-site visit as the service form prints it. Codes: planReview null|APPROVED|REJECTED;
 * auditOutcome null|ACCEPTED|SENT_BACK. Texts are what people typed; null when not recorded.
 */
public record VisitRecord(int visitNo, String engineerUsername, String engineerName, Instant checkedInAt,
        Double latitude, Double longitude, Double accuracyMeters, boolean emergency, Instant restoredAt,
        String symptom, String diagnosis, String cause, String recoveryPlan, String planReview, String workDone,
        String parts, String prevention, String testerName, Long signatureAttachmentId, Instant confirmedAt,
        boolean confirmedRemotely, String auditOutcome, String auditReason, String auditedBy, Instant auditedAt) {
}
