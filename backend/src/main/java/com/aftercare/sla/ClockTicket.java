package com.aftercare.sla;

import com.aftercare.asset.Region;

/** What the clock engine needs to know about a ticket besides its milestones. */
public record ClockTicket(Long ticketId, Long policyId, Long contractId, String levelCode, Region region, boolean closed) {
}
