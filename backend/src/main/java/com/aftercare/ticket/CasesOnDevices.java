package com.aftercare.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The fault cases reported on some devices in a period: what a change's page lists as reported after it on the
 * devices it touched (RP-5: a change that broke something shows it), for the supervisor to judge.
 */
@Service
public class CasesOnDevices {

    @Schema(name = "ChangeCaseRef")
    public record CaseRef(long id, String number, String title, TicketStatus status, Instant reportedAt, String deviceName) {
    }

    private final TicketRepository tickets;

    CasesOnDevices(TicketRepository tickets) {
        this.tickets = tickets;
    }

    /** Faults reported on the devices in [from, to), oldest first, at most max. */
    @Transactional(readOnly = true)
    public List<CaseRef> faultsReported(Collection<Long> deviceIds, Instant from, Instant to, int max) {
        if (deviceIds.isEmpty() || !from.isBefore(to)) {
            return List.of();
        }
        return tickets.findOnDevicesBetween(deviceIds, RequestType.FAULT, from, to, PageRequest.of(0, max)).stream()
                .map(t -> new CaseRef(t.getId(), t.getNumber(), t.getTitle(), t.getStatus(), t.getReceivedAt(),
                        t.getDevice() == null ? null : t.getDevice().getName()))
                .toList();
    }
}
