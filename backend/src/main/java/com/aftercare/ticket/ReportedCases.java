package com.aftercare.ticket;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case history the scheduled service reports are computed from (issue 16, RP-1): a customer's cases that were
 * open at some time in a period, as plain facts. Codes stay codes here; the report writes them as labels.
 */
@Service
public class ReportedCases {

    /** One case as a report counts it; times are instants, null while the step has not happened. */
    public record ReportedCase(long id, String number, String requestType, String category, String level, String status,
            String siteName, Long deviceId, String deviceName, String deviceType, String title, String cause, String solution,
            String assignee, Integer satisfaction, Instant receivedAt, Instant respondedAt, Instant resolvedAt,
            Instant closedAt, Instant responseDue, Instant resolutionDue) {
    }

    private final TicketRepository tickets;

    ReportedCases(TicketRepository tickets) {
        this.tickets = tickets;
    }

    /** Cases received before {@code to} and not closed before {@code from}, oldest first. */
    @Transactional(readOnly = true)
    public List<ReportedCase> of(long customerId, Instant from, Instant to) {
        return tickets.findOfCustomerBetween(customerId, from, to).stream().map(ReportedCases::of).toList();
    }

    /** One case, with the id of the customer it belongs to, or empty for an unknown id. */
    @Transactional(readOnly = true)
    public java.util.Optional<Owned> one(long ticketId) {
        return tickets.findWithSiteAndDevice(ticketId)
                .map(t -> new Owned(t.getSite() == null ? null : t.getSite().getCustomer().getId(), of(t)));
    }

    /** A case and its customer. */
    public record Owned(Long customerId, ReportedCase reported) {
    }

    private static ReportedCase of(Ticket t) {
        return new ReportedCase(t.getId(), t.getNumber(), name(t.getRequestType()), name(t.getCategory()), t.getLevel(),
                name(t.getStatus()), t.getSite() == null ? null : t.getSite().getName(),
                t.getDevice() == null ? null : t.getDevice().getId(), t.getDevice() == null ? null : t.getDevice().getName(),
                t.getDevice() == null ? null : name(t.getDevice().getType()), t.getTitle(), t.getCause(), t.getSolution(),
                t.getAssignee(), t.getSatisfaction(), t.getReceivedAt(), t.getRespondedAt(), t.getResolvedAt(),
                t.getClosedAt(), t.getResponseDue(), t.getResolutionDue());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
