package com.aftercare.workflow;

import java.util.Date;
import java.util.List;
import java.util.Map;

/** A user task as the inbox and the case file show it, with the form to complete it. */
public record TaskView(String id, String key, String name, Long ticketId, String ticketNumber, String ticketTitle,
        String assignee, List<String> candidateGroups, Date created, boolean actionable, List<FormFieldView> formFields) {

    public record FormFieldView(String id, String label, String type, boolean required, Object defaultValue,
            List<Option> options, Map<String, String> properties, Integer maxLength) {
    }

    public record Option(String id, String name) {
    }
}
