package com.aftercare.change;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;

/**
 * The figures a change is held to (RP-5, ADR 0100). The customer hears of a change's window, scope and fallback at least
 * {@link #NOTICE_NORMAL} (一般变更) or {@link #NOTICE_MAJOR} (重大变更) before it starts: a window closer than that is
 * refused when it is asked for or moved (400), and again when the notice would go out (approval, a passed test: 409),
 * since time passes between the two.
 */
final class ChangeRules {

    static final Duration NOTICE_NORMAL = Duration.ofHours(24);
    static final Duration NOTICE_MAJOR = Duration.ofHours(72);
    /** A maintenance window longer than a week is a project, not a change. */
    static final Duration MAX_WINDOW = Duration.ofDays(7);
    /** Planned further ahead than a year is a wish, not a plan. */
    static final Duration MAX_AHEAD = Duration.ofDays(366);
    static final int MAX_DEVICES = 50;
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_TEXT = 2000;
    static final int MAX_NOTE = 1000;

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ChangeRules() {
    }

    static Duration notice(boolean major) {
        return major ? NOTICE_MAJOR : NOTICE_NORMAL;
    }

    /** The window's own checks, each a field error: present, in order, not too long, not too far, told in time. */
    static void checkWindow(Instant start, Instant end, boolean major, Instant now, ZoneId zone,
            List<BadRequestException.FieldError> errors) {
        if (start == null) {
            errors.add(new BadRequestException.FieldError("plannedStart", "is required"));
        }
        if (end == null) {
            errors.add(new BadRequestException.FieldError("plannedEnd", "is required"));
        }
        if (start == null || end == null) {
            return;
        }
        Instant earliest = now.plus(notice(major));
        if (start.isBefore(earliest)) {
            errors.add(new BadRequestException.FieldError("plannedStart", "must be at least " + notice(major).toHours()
                    + " hours from now, so that the customer is told in time (" + (major ? "major" : "normal")
                    + " change; earliest " + MINUTE.format(earliest.atZone(zone)) + ")"));
        } else if (start.isAfter(now.plus(MAX_AHEAD))) {
            errors.add(new BadRequestException.FieldError("plannedStart", "may be at most 366 days ahead"));
        }
        if (!end.isAfter(start)) {
            errors.add(new BadRequestException.FieldError("plannedEnd", "must be after plannedStart"));
        } else if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            errors.add(new BadRequestException.FieldError("plannedEnd", "the window may last at most 7 days"));
        }
    }

    /** At the moment the notice would go out: is there still the notice time before the window? 409 if not. */
    static void requireNoticeTime(ChangeRequest change, Instant now, ZoneId zone) {
        Instant earliest = now.plus(notice(change.isMajor()));
        if (change.getPlannedStart().isBefore(earliest)) {
            throw ConflictException.of("changeTooLate", Map.of("number", change.number(), "hours", notice(change.isMajor()).toHours(),
                    "start", MINUTE.format(change.getPlannedStart().atZone(zone))));
        }
    }

    /** A required text, trimmed, at most max characters; null (with an error) when missing or too long. */
    static String text(String value, String field, int max, List<BadRequestException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new BadRequestException.FieldError(field, "is required"));
            return null;
        }
        return optional(value, field, max, errors);
    }

    /** An optional text, trimmed (blank is null), at most max characters. */
    static String optional(String value, String field, int max, List<BadRequestException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new BadRequestException.FieldError(field, "may have at most " + max + " characters"));
            return null;
        }
        return trimmed;
    }

    static void throwIfAny(List<BadRequestException.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
    }
}
