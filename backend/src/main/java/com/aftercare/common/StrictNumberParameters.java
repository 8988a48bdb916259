package com.aftercare.common;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Ids and counts in paths and query strings are plain decimal digits. Spring's own number parsing
 * uses {@code Long.decode} after removing all whitespace, so {@code /api/tickets/0x10}, {@code #10},
 * {@code +1}, {@code 01} and {@code 1 6} all opened some ticket; a link or log line that says one thing
 * must not open another. Anything else is a 400 naming the parameter (the error handler turns the
 * type mismatch into one). None of our parameters is ever negative.
 * <p>
 * A property editor, not a converter: when a converter refuses a value, Spring falls back to its
 * default number editor, which would accept it again.
 */
@ControllerAdvice
class StrictNumberParameters {

    /** 0, or a digit 1-9 followed by digits: one spelling per number. */
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    @InitBinder
    void decimalOnly(WebDataBinder binder) {
        // editors hold the value being converted, so each binder gets its own
        binder.registerCustomEditor(Long.class, new Decimal(Long.MAX_VALUE, false));
        binder.registerCustomEditor(long.class, new Decimal(Long.MAX_VALUE, false));
        binder.registerCustomEditor(Integer.class, new Decimal(Integer.MAX_VALUE, true));
        binder.registerCustomEditor(int.class, new Decimal(Integer.MAX_VALUE, true));
    }

    static final class Decimal extends PropertyEditorSupport {

        private final long max;
        private final boolean integer;

        Decimal(long max, boolean integer) {
            this.max = max;
            this.integer = integer;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                setValue(null); // an empty optional parameter (?siteId=) stays absent, as before
                return;
            }
            if (!DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException("not a decimal number: '" + text + "'");
            }
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("too large: '" + text + "'");
            }
            if (value > max) {
                throw new IllegalArgumentException("too large: '" + text + "'");
            }
            setValue(integer ? Integer.valueOf((int) value) : Long.valueOf(value));
        }
    }
}
