package com.aftercare.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The fault cases reported on some devices in a period: what a change's page lists as reported after it on the
 * devices it touched (RP-5: a change that broke something shows it), for the supervisor to judge; how many are open on
 * each device (the configuration graph, RP-4); and cases by id as other features' pages name them.
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
                .map(CasesOnDevices::ref)
                .toList();
    }

    /** A fault or service request on the device that was open at some time in [from, to), the latest; empty when none was. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> openDuring(long deviceId, Instant from, Instant to) {
        return tickets.openOnDeviceDuring(deviceId, from, to, PageRequest.of(0, 1)).stream().findFirst();
    }

    /** How many cases are open on each of the devices; a device with none is left out. */
    @Transactional(readOnly = true)
    public Map<Long, Long> openCounts(Collection<Long> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : tickets.countOpenOnDevices(deviceIds)) {
            counts.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** The cases with these ids as another feature's page names them; an unknown id is left out. */
    @Transactional(readOnly = true)
    public Map<Long, CaseRef> refs(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, CaseRef> refs = new HashMap<>();
        for (Ticket t : tickets.findWithDeviceByIdIn(ticketIds)) {
            refs.put(t.getId(), ref(t));
        }
        return refs;
    }

    private static CaseRef ref(Ticket t) {
        return new CaseRef(t.getId(), t.getNumber(), t.getTitle(), t.getStatus(), t.getReceivedAt(),
                t.getDevice() == null ? null : t.getDevice().getName());
    }
}
