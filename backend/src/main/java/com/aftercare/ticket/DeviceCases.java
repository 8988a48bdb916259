package com.aftercare.ticket;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the features that judge a device by its history (repeat repairs RR-5, repeated failures RR-6) ask of its cases.
 * Each question is answered by the database and bounded (ADR 0057): reading the device's whole history made every
 * report on a busy device (a camera alarming daily, a monitored link) slower than the last, and left every one of its
 * tickets managed in the report's transaction, dirty-checked at each flush. A summary only: the ticket itself stays
 * with this feature.
 */
@Service
public class DeviceCases {

    private final TicketRepository tickets;

    DeviceCases(TicketRepository tickets) {
        this.tickets = tickets;
    }

    public record DeviceCase(long id, String number, Category category, Instant receivedAt, Instant resolvedAt,
            Instant closedAt) {
    }

    /**
     * The device's case of this category, other than {@code ticketId}, closed last at or before {@code at} (of two
     * closed at the same instant, the one reported first).
     */
    @Transactional(readOnly = true)
    public Optional<DeviceCase> lastClosed(long deviceId, Category category, long ticketId, Instant at) {
        return tickets.findClosedOnDevice(deviceId, category, ticketId, at, Limit.of(1)).stream()
                .map(r -> new DeviceCase((Long) r[0], (String) r[1], (Category) r[2], (Instant) r[3], (Instant) r[4],
                        (Instant) r[5]))
                .findFirst();
    }

    /**
     * How many of the device's cases of this category were received in [from, to], counted up to {@code atMost} (a
     * caller that asks "at least n?" need not count a long history).
     */
    @Transactional(readOnly = true)
    public int receivedBetween(long deviceId, Category category, Instant from, Instant to, int atMost) {
        return tickets.findReceivedOnDevice(deviceId, category, from, to, Limit.of(atMost)).size();
    }
}
