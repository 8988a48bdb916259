package com.aftercare.sla;

import java.time.Instant;

import org.springframework.stereotype.Service;

/**
 * Computes a ticket's response and resolution due times from its level. Natural time only for
 * now; the SLA work replaces this with contract policies and business calendars.
 */
@Service
public class DeadlinePolicy {

    private final SlaProperties properties;

    DeadlinePolicy(SlaProperties properties) {
        this.properties = properties;
    }

    public record Deadlines(Instant responseDue, Instant resolutionDue) {
    }

    public Deadlines deadlinesFor(int level, Instant receivedAt) {
        SlaProperties.LevelDeadlines d = properties.levels().get(level);
        if (d == null) {
            throw new IllegalStateException("No deadlines configured for level " + level + " (aftercare.sla.levels)");
        }
        return new Deadlines(receivedAt.plus(d.response()), receivedAt.plus(d.resolution()));
    }
}
