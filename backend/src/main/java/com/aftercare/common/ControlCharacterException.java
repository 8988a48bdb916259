package com.aftercare.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string carried a control character. A mapping exception, so Jackson records the field path on
 * its way out and the error handler can name the field.
 */
class ControlCharacterException extends MismatchedInputException {

    ControlCharacterException(JsonParser parser) {
        super(parser, "control characters are not allowed in text", String.class);
    }
}
