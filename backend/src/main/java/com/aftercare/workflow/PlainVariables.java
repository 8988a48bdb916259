package com.aftercare.workflow;

import java.util.Date;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A row of the engine's variable table as the typed value the engine would give for it, for the plain kinds only:
 * how the engine's serializers for text, numbers, yes/no, dates and null store them (TEXT_, LONG_, DOUBLE_; yes/no and
 * dates in LONG_ as 1/0 and epoch milliseconds). Any other kind (serialized objects, JSON, XML, bytes, files) is not
 * read here: null, and the caller asks the engine.
 */
final class PlainVariables {

    private PlainVariables() {
    }

    /** The columns TYPE_, TEXT_, LONG_, DOUBLE_ of one row; null when the row is not of a plain kind. */
    static TypedValue value(String type, String text, Long number, Double fraction) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "string" -> Variables.stringValue(text);
            case "long" -> Variables.longValue(number);
            case "integer" -> Variables.integerValue(number == null ? null : number.intValue());
            case "short" -> Variables.shortValue(number == null ? null : number.shortValue());
            case "double" -> Variables.doubleValue(fraction);
            case "boolean" -> Variables.booleanValue(number == null ? null : number == 1L);
            case "date" -> Variables.dateValue(number == null ? null : new Date(number));
            case "null" -> Variables.untypedNullValue();
            default -> null;
        };
    }
}
