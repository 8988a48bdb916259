package com.aftercare.common;

import java.io.IOException;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Every string read from a request body, in records, lists and free-form maps alike, is refused if it
 * holds a control character other than tab, carriage return and line feed. A NUL reached PostgreSQL
 * (which refuses it in text) and came back as a misleading "value already taken"; an escape sequence
 * would reach e-mails, exports and the audit log. Spring Boot registers this module in its ObjectMapper.
 */
@Component
class TextWithoutControlCharacters extends SimpleModule {

    TextWithoutControlCharacters() {
        super("TextWithoutControlCharacters");
        addDeserializer(String.class, new Deserializer());
    }

    static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && hasControlCharacter(value)) {
                throw new ControlCharacterException(p);
            }
            return value;
        }

        static boolean hasControlCharacter(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f) {
                    return true;
                }
            }
            return false;
        }
    }
}
