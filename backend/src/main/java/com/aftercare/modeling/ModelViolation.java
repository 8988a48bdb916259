package com.aftercare.modeling;

/**
 * One reason a model is refused: the rule that fired, the element it fired on (null for the whole
 * file) and a sentence a process owner can act on.
 */
public record ModelViolation(String rule, String elementId, String elementName, String message) {

    static ModelViolation file(String rule, String message) {
        return new ModelViolation(rule, null, null, message);
    }
}
