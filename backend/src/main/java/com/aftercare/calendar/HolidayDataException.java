package com.aftercare.calendar;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holiday data that cannot be read, naming where (a JSON path such as {@code days[3].date}) and why (a label under
 * {@code problem.} in the shared labels bundle, so an admin reads it in their language). The English message stays
 * for the log and for a broken shipped file.
 */
public class HolidayDataException extends IllegalArgumentException {

    private final String field;
    private final String reason;
    private final Map<String, Object> args;

    HolidayDataException(String field, String reason, Map<String, ?> args, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.reason = reason;
        this.args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    HolidayDataException(String field, String reason, Map<String, ?> args, String message) {
        this(field, reason, args, message, null);
    }

    /** Where in the document: "body", "year", "days", "days[3].date", "days[3].isOffDay". */
    public String field() {
        return field;
    }

    /** The label key under {@code problem.}. */
    public String reason() {
        return reason;
    }

    public Map<String, Object> args() {
        return args;
    }
}
