package com.aftercare.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;

/**
 * Who is calling (issue 15): the requesters of earlier cases whose phone number is, or ends with, the digits the
 * desk typed, with what is known about them (unit, customer, the sites and devices they reported on, newest
 * first). Punctuation in stored numbers is ignored. A customer's user only ever finds their own unit's callers.
 */
@Service
public class FindCallers {

    /** At least this many digits: fewer match half the phone book. */
    public static final int MIN_DIGITS = 4;
    /** The newest cases read per lookup; enough to describe a caller, bounded for a busy desk. */
    static final int CASES_READ = 200;
    static final int MAX_CALLERS = 10;

    private final TicketRepository tickets;

    FindCallers(TicketRepository tickets) {
        this.tickets = tickets;
    }

    public record Place(Long id, String name) {
    }

    public record KnownDevice(Long id, String name, Long siteId) {
    }

    /**
     * One caller: name and phone as last given, the unit they named, the customer of their sites; sites and
     * devices they reported on (most recent first), the number of cases and the latest one.
     */
    public record Caller(String name, String phone, String unit, Long customerId, String customerName,
            List<Place> sites, List<KnownDevice> devices, int cases, String lastCaseNumber, Long lastCaseId,
            Instant lastReportedAt) {
    }

    @Transactional(readOnly = true)
    public List<Caller> byPhone(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[\\s\\-+()]", "");
        if (!digits.matches("[0-9]{" + MIN_DIGITS + ",20}")) {
            throw new BadRequestException("phone", "give at least " + MIN_DIGITS + " digits of the phone number");
        }
        List<Ticket> found = tickets.findByRequesterPhoneLike("%" + digits, CurrentUser.scopeCustomerId(),
                PageRequest.of(0, CASES_READ));
        Map<String, List<Ticket>> byCaller = new LinkedHashMap<>();
        for (Ticket t : found) {
            String key = normalized(t.getRequesterPhone()) + "|" + t.getRequesterName().trim();
            byCaller.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
        }
        return byCaller.values().stream().limit(MAX_CALLERS).map(FindCallers::caller).toList();
    }

    private static Caller caller(List<Ticket> cases) {
        Ticket last = cases.get(0);
        Set<Place> sites = new LinkedHashSet<>();
        Set<KnownDevice> devices = new LinkedHashSet<>();
        String unit = null;
        for (Ticket t : cases) {
            sites.add(new Place(t.getSite().getId(), t.getSite().getName()));
            if (t.getDevice() != null) {
                devices.add(new KnownDevice(t.getDevice().getId(), t.getDevice().getName(), t.getSite().getId()));
            }
            if (unit == null && t.getRequesterUnit() != null && !t.getRequesterUnit().isBlank()) {
                unit = t.getRequesterUnit();
            }
        }
        return new Caller(last.getRequesterName(), last.getRequesterPhone(), unit, last.getSite().getCustomer().getId(),
                last.getSite().getCustomer().getName(), List.copyOf(sites), List.copyOf(devices), cases.size(),
                last.getNumber(), last.getId(), last.getReceivedAt());
    }

    static String normalized(String phone) {
        return phone == null ? "" : phone.replaceAll("[\\s\\-+()]", "");
    }
}
