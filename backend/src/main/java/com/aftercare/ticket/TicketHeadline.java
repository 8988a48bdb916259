package com.aftercare.ticket;

import java.time.Instant;

/**
 * What a list of work items shows of the case each belongs to: its number and title, and for a job card on the
 * phone the site and its address, the level (code and the policy version it belongs to), the status and the
 * next deadline.
 *
 * @param nextDeadline the nearest due time of a clock still running on the case (response until responded,
 *     resolution until resolved), from the due times cached on the ticket; null when none runs (closed, on
 *     hold, or no contract clock)
 */
public record TicketHeadline(Long id, String number, String title, String siteName, String siteAddress, String level,
        Long policyId, TicketStatus status, Instant nextDeadline) {

    /** The JPQL row {@link TicketHeadlines} selects; the deadline is derived here, not in SQL. */
    public TicketHeadline(Long id, String number, String title, String siteName, String siteAddress, String level,
            Long policyId, TicketStatus status, String holdReason, Instant responseDue, Instant respondedAt,
            Instant resolutionDue, Instant resolvedAt) {
        this(id, number, title, siteName, siteAddress, level, policyId, status,
                nextDeadline(status, holdReason, responseDue, respondedAt, resolutionDue, resolvedAt));
    }

    static Instant nextDeadline(TicketStatus status, String holdReason, Instant responseDue, Instant respondedAt,
            Instant resolutionDue, Instant resolvedAt) {
        if (status == TicketStatus.CLOSED || holdReason != null) {
            return null;
        }
        Instant next = null;
        if (responseDue != null && respondedAt == null) {
            next = responseDue;
        }
        if (resolutionDue != null && resolvedAt == null && (next == null || resolutionDue.isBefore(next))) {
            next = resolutionDue;
        }
        return next;
    }

    /** The headline of one loaded ticket (the task-by-task reading of a case file). */
    public static TicketHeadline of(Ticket t) {
        return new TicketHeadline(t.getId(), t.getNumber(), t.getTitle(), t.getSite().getName(), t.getSite().getAddress(),
                t.getLevel(), t.getPolicyId(), t.getStatus(), t.getHoldReason(), t.getResponseDue(), t.getRespondedAt(),
                t.getResolutionDue(), t.getResolvedAt());
    }
}
