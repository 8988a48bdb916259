package com.aftercare.ticket;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases reported on one device, oldest first, for the features that judge a device by its history (repeat
 * repairs RR-5, repeated failures RR-6). A summary only: the ticket itself stays with this feature.
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

    @Transactional(readOnly = true)
    public List<DeviceCase> of(long deviceId) {
        return tickets.findByDeviceId(deviceId).stream()
                .map(t -> new DeviceCase(t.getId(), t.getNumber(), t.getCategory(), t.getReceivedAt(), t.getResolvedAt(),
                        t.getClosedAt()))
                .toList();
    }
}
