package com.aftercare.notify;

import java.util.Arrays;
import java.util.Optional;

import com.aftercare.ticket.event.CaseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A case event as an in-app notification keeps it: the record's name and its components as JSON, so the
 * notification can be written in each reader's language when it is read. Times and durations are ISO
 * strings; an event that can no longer be read (a record changed since) yields nothing, and the reader
 * gets the text stored with it instead.
 */
final class StoredCaseEvent {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    static final int MAX_PARAMS = 4000;

    private StoredCaseEvent() {
    }

    static String type(CaseEvent event) {
        return event.getClass().getSimpleName();
    }

    /** The event's parameters, or null when they do not fit the column (the stored text then stands alone). */
    static String params(CaseEvent event) {
        try {
            String json = JSON.writeValueAsString(event);
            return json.length() > MAX_PARAMS ? null : json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store " + type(event), e);
        }
    }

    static Optional<CaseEvent> read(String type, String params) {
        if (type == null || params == null) {
            return Optional.empty();
        }
        return Arrays.stream(CaseEvent.class.getPermittedSubclasses()).filter(c -> c.getSimpleName().equals(type))
                .findFirst().flatMap(c -> {
                    try {
                        return Optional.of((CaseEvent) JSON.readValue(params, c));
                    } catch (JsonProcessingException e) {
                        return Optional.empty();
                    }
                });
    }
}
