package com.aftercare.caselink;

import java.time.Instant;

import com.aftercare.ticket.TicketStatus;

/**
 * The other case of a link, as one case's page shows it. kind is seen from this case: RELATED, DUPLICATE_OF (this
 * case was closed as a duplicate of the other) or DUPLICATED_BY (the other was closed as a duplicate of this one).
 */
public record LinkedCase(Long ticketId, String number, String title, TicketStatus status, String kind, String linkedBy,
        Instant linkedAt) {
}
