package com.aftercare.ticket.event;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How a {@link CaseEvent} is kept in ticket_event (and with an in-app notification): kind is the record's name ("Escalated"), params its fields
 * as JSON (times ISO-8601, durations "PT4H50M"). A mapper of its own rather than the web one, so that a change
 * to how the API writes JSON cannot change what is already stored.
 */
public final class CaseEventCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            // a field added to a record later must not make older rows unreadable, nor a field removed
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Map<String, Class<?>> KINDS = Arrays.stream(CaseEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private CaseEventCodec() {
    }

    public static String kind(CaseEvent event) {
        return event.getClass().getSimpleName();
    }

    public static String params(CaseEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store " + kind(event), e);
        }
    }

    /** The event kept as kind and params, if it can still be read (a record may have changed since). */
    public static java.util.Optional<CaseEvent> tryRead(String kind, String params) {
        if (kind == null || params == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(read(kind, params));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The event stored as kind and params; throws IllegalArgumentException for an unknown kind or bad params. */
    public static CaseEvent read(String kind, String params) {
        Class<?> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("Unknown case event kind " + kind);
        }
        try {
            return (CaseEvent) JSON.readValue(params, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable " + kind + " params", e);
        }
    }
}
