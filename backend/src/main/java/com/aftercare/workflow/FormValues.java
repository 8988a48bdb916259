package com.aftercare.workflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;

import com.aftercare.common.BadRequestException;

/**
 * Checks a submitted task form against the fields the model declares and converts the JSON values
 * to the engine's types. Only declared fields are accepted, so a client cannot slip other process
 * variables (say, probePassed) into a task completion.
 */
final class FormValues {

    static final int DEFAULT_MAX_LENGTH = 4000;

    private FormValues() {
    }

    static Map<String, Object> validate(List<FormField> fields, Map<String, Object> submitted) {
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        fields.forEach(f -> declared.add(f.getId()));
        for (String key : submitted.keySet()) {
            if (!declared.contains(key)) {
                errors.add(new BadRequestException.FieldError(key, "not a field of this task (fields: " + String.join(", ", declared) + ")"));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormField field : fields) {
            Object raw = submitted.get(field.getId());
            if (raw instanceof String s && s.isBlank()) {
                raw = null;
            }
            if (raw == null) {
                if (isRequired(field)) {
                    errors.add(new BadRequestException.FieldError(field.getId(), "is required"));
                }
                values.put(field.getId(), null);
                continue;
            }
            try {
                values.put(field.getId(), convert(field, raw));
            } catch (IllegalArgumentException e) {
                errors.add(new BadRequestException.FieldError(field.getId(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return values;
    }

    static boolean isRequired(FormField field) {
        return field.getValidationConstraints().stream().anyMatch(c -> "required".equals(c.getName()));
    }

    static Integer maxLength(FormField field) {
        for (FormFieldValidationConstraint c : field.getValidationConstraints()) {
            if ("maxlength".equals(c.getName()) && c.getConfiguration() != null) {
                return Integer.valueOf(c.getConfiguration().toString());
            }
        }
        return "string".equals(field.getTypeName()) ? DEFAULT_MAX_LENGTH : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> enumValues(FormField field) {
        Object values = field.getType().getInformation("values");
        return values instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    private static Object convert(FormField field, Object raw) {
        switch (field.getTypeName()) {
            case "boolean" -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                throw new IllegalArgumentException("must be true or false");
            }
            case "long" -> {
                if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                    return n.longValue();
                }
                throw new IllegalArgumentException("must be a whole number");
            }
            case "enum" -> {
                Map<String, String> allowed = enumValues(field);
                String value = raw.toString();
                if (!(raw instanceof String || raw instanceof Number) || !allowed.containsKey(value)) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", allowed.keySet()));
                }
                return value;
            }
            case "string" -> {
                if (!(raw instanceof String s)) {
                    throw new IllegalArgumentException("must be text");
                }
                Integer max = maxLength(field);
                if (max != null && s.length() > max) {
                    throw new IllegalArgumentException("must be at most " + max + " characters");
                }
                return s.trim();
            }
            default -> throw new IllegalArgumentException("has a type (" + field.getTypeName() + ") this API does not accept");
        }
    }
}
