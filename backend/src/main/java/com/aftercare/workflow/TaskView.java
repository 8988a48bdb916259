package com.aftercare.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A user task as the inbox and the case file show it, with the form to complete it, and what a job card on the
 * phone shows of its case: site, address, level (code, the policy's name for it and the policy's scheme code, under
 * which the reader's language has its own label for the level), status and the next deadline (the nearest due time of
 * a clock still running; null when none runs).
 */
public record TaskView(String id, String key, String name, Long ticketId, String ticketNumber, String ticketTitle,
        String assignee, List<String> candidateGroups, Date created, boolean actionable, List<FormFieldView> formFields,
        String siteName, String siteAddress, String levelCode, String levelName, Instant nextDeadline,
        String ticketStatus, String policyCode) {

    public record FormFieldView(String id, String label, String type, boolean required, Object defaultValue,
            List<Option> options, Map<String, String> properties, Integer maxLength) {
    }

    public record Option(String id, String name) {
    }
}
