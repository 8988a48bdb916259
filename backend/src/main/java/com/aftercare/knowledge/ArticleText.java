package com.aftercare.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import com.aftercare.asset.DeviceType;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.BadRequestException.FieldError;

/**
 * What a writer types for an article, checked: every problem is a 400 naming its field (title, symptom, cause,
 * solution, deviceTypes, tags), all at once, so nothing is half-written.
 */
public record ArticleText(String title, String symptom, String cause, String solution, List<DeviceType> deviceTypes,
        List<String> tags) {

    /** The body the API takes: device types as codes (an unknown one is a 400 on deviceTypes). */
    public record ArticleInput(String title, String symptom, String cause, String solution, List<String> deviceTypes,
            List<String> tags) {
    }

    static ArticleText check(ArticleInput body) {
        if (body == null) {
            throw new BadRequestException("title", "required");
        }
        List<FieldError> errors = new ArrayList<>();
        String title = text(body.title(), "title", 200, true, errors);
        String symptom = text(body.symptom(), "symptom", 4000, true, errors);
        String cause = text(body.cause(), "cause", 4000, false, errors);
        String solution = text(body.solution(), "solution", 4000, true, errors);
        LinkedHashSet<DeviceType> types = new LinkedHashSet<>();
        if (body.deviceTypes() == null || body.deviceTypes().isEmpty()) {
            errors.add(new FieldError("deviceTypes", "required"));
        } else {
            for (String code : body.deviceTypes()) {
                DeviceType type = deviceType(code);
                if (type == null) {
                    errors.add(new FieldError("deviceTypes", "unknown device type"));
                    break;
                }
                types.add(type);
            }
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        if (body.tags() != null) {
            for (String tag : body.tags()) {
                String t = text(tag, "tags", 30, false, errors);
                if (t != null && t.contains(",")) {
                    errors.add(new FieldError("tags", "a tag may not contain a comma"));
                } else if (t != null) {
                    tags.add(t);
                }
            }
            if (tags.size() > 10) {
                errors.add(new FieldError("tags", "at most 10 tags"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return new ArticleText(title, symptom, cause, solution, List.copyOf(types), List.copyOf(tags));
    }

    /** A device type code, or null when unknown or absent. */
    static DeviceType deviceType(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return DeviceType.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "required"));
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
            return null;
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
            errors.add(new FieldError(field, "control characters are not allowed"));
            return null;
        }
        return v;
    }
}
