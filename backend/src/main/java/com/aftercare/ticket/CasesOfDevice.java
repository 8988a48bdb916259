package com.aftercare.ticket;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A device's cases as its record page lists them (RP-3: repair and replacement history per device; RP-2: the fault
 * data the customer may read at any time): the newest, and how many there are in all and still open.
 */
@Service
public class CasesOfDevice {

    @Schema(name = "DeviceRecordCase")
    public record DeviceCase(long id, String number, String title, TicketStatus status, Category category,
            RequestType requestType, Instant receivedAt, Instant closedAt) {
    }

    public record Page(List<DeviceCase> cases, long total, long open) {
    }

    private final TicketRepository tickets;

    CasesOfDevice(TicketRepository tickets) {
        this.tickets = tickets;
    }

    /** The newest {@code max} cases; the caller has checked that the reader may see the device (and so its cases). */
    @Transactional(readOnly = true)
    public Page newest(long deviceId, int max) {
        List<DeviceCase> cases = tickets.ofDevice(deviceId, PageRequest.of(0, max)).stream()
                .map(t -> new DeviceCase(t.getId(), t.getNumber(), t.getTitle(), t.getStatus(), t.getCategory(),
                        t.getRequestType(), t.getReceivedAt(), t.getClosedAt()))
                .toList();
        Object[] counts = tickets.countOfDevice(deviceId).get(0);
        return new Page(cases, ((Number) counts[0]).longValue(), counts[1] == null ? 0 : ((Number) counts[1]).longValue());
    }
}
