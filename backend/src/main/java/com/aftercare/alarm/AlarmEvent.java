package com.aftercare.alarm;

import java.time.Instant;
import java.util.List;

/**
 * One monitoring event in our own terms, whatever format it came in. identifiers: what the alarm says about the
 * device (an address, a serial, a host name), tried against the customer's devices by IP, then serial, then name.
 * occurredAt: when the monitoring system says it happened (null: when we received it). details: the rest of what
 * the alarm said, as text for the case's description.
 */
public record AlarmEvent(EventAction action, String dedupKey, String summary, Severity severity, Instant occurredAt,
        String host, List<String> identifiers, String details) {

    static final int MAX_KEY = 255;
    static final int MAX_SUMMARY = 1024;
}
